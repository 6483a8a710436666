// npm run bench: every benchmark side by side in one run on 127.0.0.1, with ratios (ours / other)
// and each goal marked met or missed. Prints a table and writes bench-results/latest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { coldStart } from './bench/cold-start.js';
import { fleet } from './bench/fleet.js';
import { fleetMemory, type FleetMemoryRow } from './bench/fleet-memory.js';
import { footprint } from './bench/footprint.js';
import { senders } from './bench/senders.js';
import { signing } from './bench/signing.js';
import { throughput } from './bench/throughput.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// Every contender talks to 127.0.0.1 directly: a proxy from the environment would measure the proxy.
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
  delete process.env[name];
  delete process.env[name.toLowerCase()];
}
const quick = process.argv.includes('--quick');
// --memory-only: section 7 alone (it runs the CLI a dozen times over up to 50,000 domains).
const memoryOnly = process.argv.includes('--memory-only');
// --footprint: sections 3 and 4 alone (cold start, packages, the browser entry); seconds, not minutes.
const footprintOnly = process.argv.includes('--footprint');
const started = performance.now();
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const goal = (met: boolean, text: string) => `${met ? 'met' : 'MISSED'}: ${text}`;
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

// Cold start and the bundle read the built package.
execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: 'ignore' });

say(
  `live-https-cert benchmarks, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
);
say('All on 127.0.0.1; medians over interleaved rounds after a warm-up; ratio = ours / other.');

async function memorySection(): Promise<FleetMemoryRow[]> {
  const small = 1000;
  const large = quick ? 10_000 : 50_000;
  say(
    `\n7. Fleet memory: the CLI's peak RSS over ${large} domains and over ${small}, 127.0.0.1 server, concurrency 16`,
  );
  const rows = await fleetMemory({ small, large });
  say(
    `   ${'command'.padEnd(26)} ${`${small} domains`.padStart(14)} ${`${large} domains`.padStart(14)}  ratio  ${'time'.padStart(12)}`,
  );
  for (const r of rows)
    say(
      `   ${`${r.command}${r.json ? ' --json' : ''}`.padEnd(26)} ${`${r.small.peakRssMB} MB`.padStart(14)} ${`${r.large.peakRssMB} MB`.padStart(14)}  ${`${r.ratio}x`.padStart(5)}  ${`${r.small.seconds}s/${r.large.seconds}s`.padStart(12)}  exit ${r.large.exitCode} (${goal(r.ratio <= 1.5, '<= 1.5x')})`,
    );
  return rows;
}

async function startupSections() {
  const c = coldStart({ runs: quick ? 5 : 15 });
  say('\n3. Cold start: fresh process, import the client entry, create a client');
  for (const r of c)
    say(
      `   ${r.name.padEnd(45)} import+create ${String(r.importAndCreateMs).padStart(6)} ms   whole process ${String(r.processMs).padStart(5)} ms`,
    );
  const cold = ratio(c[0]!.importAndCreateMs, c[1]!.importAndCreateMs);
  say(
    `   ours / official (import+create) = ${cold}x (${goal(cold <= 0.25, '<= 0.25x')}, was 0.20x); whole process ${ratio(c[0]!.processMs, c[1]!.processMs)}x`,
  );

  const f = await footprint();
  say('\n4. Footprint');
  for (const r of f.rows)
    say(
      `   ${r.name.padEnd(45)} ${String(r.runtimePackages).padStart(3)} runtime packages, ${(r.installedBytes / 1024 / 1024).toFixed(2)} MB installed with them`,
    );
  say(
    `   ours / official: ${ratio(f.rows[0]!.runtimePackages, f.rows[1]!.runtimePackages)}x the packages, ${ratio(f.rows[0]!.installedBytes, f.rows[1]!.installedBytes)}x the installed size`,
  );
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  say(
    `   browser entry (what a page loads at start): ${kB(f.bundle.minifiedBytes)} minified, ${kB(f.bundle.gzipBytes)} gzip in ${f.bundle.startFiles} files (the official core does not run in browsers)`,
  );
  say(
    `   what loads at start (minified): ${f.bundle.atStart
      .slice(0, 12)
      .map(
        (m) =>
          `${m.module.replace(/^(src|generated)\//, '').replace(/^node_modules\/([^/]+)\/.*$/, '$1')} ${kB(m.bytes)}`,
      )
      .join(', ')}${f.bundle.atStart.length > 12 ? `, ${f.bundle.atStart.length - 12} more` : ''}`,
  );
  say(
    `   loaded on demand: ${f.bundle.lazyChunks} chunks, ${kB(f.bundle.lazyGzipBytes)} gzip (at the first call: openapi-fetch, the transport's loop, the signature, the parse point, each operation's validators; when needed: the IAM lookup, failure and redirect wording, call logs); a page calling showDomainHttpsCert loads ${kB(f.bundle.oneOperationGzipBytes)} gzip in all`,
  );
  say(
    `   ${goal(f.rows[0]!.runtimePackages <= 2, '<= 2 runtime packages')}; ${goal(f.bundle.gzipBytes <= 12 * 1024, 'browser entry <= 12 kB gzip (25.9 kB before the lazy call path, issue 17.7)')}`,
  );
  return { c, cold, f };
}

if (footprintOnly) {
  await startupSections();
  process.exit(0);
}

if (memoryOnly) {
  const rows = await memorySection();
  // Kept apart from latest.*, which a full run writes.
  mkdirSync(`${root}bench-results`, { recursive: true });
  writeFileSync(
    `${root}bench-results/fleet-memory.json`,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, quick, fleetMemory: rows }, null, 2)}\n`,
  );
  writeFileSync(`${root}bench-results/fleet-memory.txt`, `${lines.join('\n')}\n`);
  process.exit(0);
}

// The previous run's portable (fetch) ratio: that path must not get slower.
const previousFile = `${root}bench-results/latest.json`;
const previous = existsSync(previousFile)
  ? (JSON.parse(readFileSync(previousFile, 'utf8')) as { ratios?: { portableVsOfficial?: number } }).ratios
      ?.portableVsOfficial
  : undefined;

const t = await throughput({ rounds: quick ? 3 : 7, requests: quick ? 400 : 1500, concurrency: 8 });
const byName = (name: string) => t.find((r) => r.name.startsWith(name))!;
const byDefault = byName('default createLiveClient');
const ours = byName('thin client (live-https-cert/node)');
const raw = byName('raw fetch');
const official = byName('official');
const onFetch = byName('thin client (global fetch)');
// The best of the Node paths of our client (default, /node, the generated client on our transport).
const nodePaths = [byDefault, ours, byName('generated client + our transport')];
const best = nodePaths.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
say('\n1. Request throughput: signed UpdateDomainHttpsCert, 8 in flight');
say(`   ${'contender'.padEnd(40)} ${'req/s'.padStart(7)} ${'CPU us/req'.padStart(11)}`);
for (const r of t)
  say(
    `   ${r.name.padEnd(40)} ${String(r.requestsPerSecond).padStart(7)} ${String(r.cpuMicrosPerRequest).padStart(11)}`,
  );
const vsRaw = ratio(ours.requestsPerSecond, raw.requestsPerSecond);
const defaultVsOfficial = ratio(byDefault.requestsPerSecond, official.requestsPerSecond);
const vsOfficial = ratio(best.requestsPerSecond, official.requestsPerSecond);
const cpuVsOfficial = ratio(best.cpuMicrosPerRequest, official.cpuMicrosPerRequest);
const fetchVsOfficial = ratio(onFetch.requestsPerSecond, official.requestsPerSecond);
say(
  `   default createLiveClient on Node / official = ${defaultVsOfficial}x req/s (${goal(defaultVsOfficial >= 1.5, '>= 1.5x')})`,
);
say(
  `   best Node path (${best.name}) / official = ${vsOfficial}x req/s (${goal(vsOfficial >= 2, '>= 2x')}), ${cpuVsOfficial}x CPU per request (${goal(cpuVsOfficial <= 0.5, '<= 0.5x')})`,
);
say(`   ours (/node) / raw fetch = ${vsRaw}x (${goal(vsRaw >= 0.85, '>= 0.85x')})`);
say(
  `   fetch path (browsers, Deno, edge) / official = ${fetchVsOfficial}x${previous === undefined ? '' : ` (previous run ${previous}x: ${goal(fetchVsOfficial >= previous * 0.95, 'unchanged or better, within 5% noise')})`}`,
);
say('   The machine may be shared: absolute figures are noisy; the ratios come from interleaved rounds of one run.');

const s = await signing({ rounds: quick ? 3 : 7, count: quick ? 2000 : 5000 });
const sOfficial = s.find((r) => r.name.startsWith('official'))!;
say('\n2. Signing throughput: the Live PUT, signatures/s');
for (const r of s)
  say(
    `   ${r.name.padEnd(40)} ${String(r.signaturesPerSecond).padStart(7)}  ratio ${ratio(r.signaturesPerSecond, sOfficial.signaturesPerSecond)}x`,
  );
const signRatio = (prefix: string) =>
  ratio(s.find((r) => r.name.startsWith(prefix))!.signaturesPerSecond, sOfficial.signaturesPerSecond);
const signDefault = signRatio('ours (default');
const signWeb = signRatio('ours (Web Crypto');
say(
  `   ${goal(signDefault >= 1, `default signer >= 1x official (${signDefault}x)`)}; ${goal(signWeb >= 1, `Web Crypto forced >= 1x official (${signWeb}x)`)}`,
);

const { c, cold, f } = await startupSections();

const fl = await fleet({ domains: 500, concurrency: 16, delayMs: 50 });
say('\n5. Fleet: 500 domains, server answers after 50 ms, concurrency 16');
say(
  `   wall ${fl.wallMs} ms, ideal ${fl.idealMs} ms, ratio ${fl.ratio}x (${goal(fl.ratio <= 1.25, '<= 1.25x ideal')}); failed ${fl.failed}`,
);
say(`   RSS ${fl.rssStartMB} MB at start, ${fl.rssPeakMB} MB peak; heap after ${fl.heapAfterMB} MB`);

const w = await senders({ rounds: quick ? 3 : 5, requests: quick ? 1000 : 3000, concurrency: 8 });
say('\n6. Bare senders on Node (no client): the same PUT, 8 in flight');
for (const r of w)
  say(
    `   ${r.name.padEnd(40)} ${String(r.requestsPerSecond).padStart(7)} req/s ${String(r.cpuMicrosPerRequest).padStart(5)} us/req`,
  );
const wNode = w.find((r) => r.name.startsWith('node:http'))!;
const wUndici = w.find((r) => r.name === 'undici.request, Agent')!;
say(
  `   undici.request / node:http = ${ratio(wUndici.requestsPerSecond, wNode.requestsPerSecond)}x req/s, ${ratio(wUndici.cpuMicrosPerRequest, wNode.cpuMicrosPerRequest)}x CPU per request`,
);

const memory = await memorySection();

const seconds = Math.round((performance.now() - started) / 1000);
say(`\nTotal benchmark time: ${seconds} s`);
mkdirSync(`${root}bench-results`, { recursive: true });
writeFileSync(
  `${root}bench-results/latest.json`,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, quick, seconds, throughput: t, senders: w, ratios: { defaultVsOfficial, bestNodeVsOfficial: vsOfficial, bestNodeCpuVsOfficial: cpuVsOfficial, oursVsRawFetch: vsRaw, portableVsOfficial: fetchVsOfficial, signingDefaultVsOfficial: signDefault, signingWebCryptoVsOfficial: signWeb, coldStart: cold }, signing: s, coldStart: c, footprint: f, fleet: fl, fleetMemory: memory }, null, 2)}\n`,
);
writeFileSync(`${root}bench-results/latest.txt`, `${lines.join('\n')}\n`);
