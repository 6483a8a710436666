// 7. Fleet memory: the built CLI over N domains against the bench server on 127.0.0.1, for
// `status`, `update --dry-run` and `update`, as text and as --json, in a fresh process each; the
// figure is the process's peak RSS. Memory must stay flat in the number of domains: the results
// are written as they finish, and the dry run keeps no request after printing it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { AK, PROJECT_ID, SK } from './contenders.js';
import { startBenchServer } from './lib.js';

const CLI = fileURLToPath(new URL('../../dist/esm/src/cli/main.js', import.meta.url));
const HOOK = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));

export interface FleetMemoryRow {
  command: string;
  json: boolean;
  small: { domains: number; peakRssMB: number; exitCode: number | null; seconds: number };
  large: { domains: number; peakRssMB: number; exitCode: number | null; seconds: number };
  ratio: number;
}

const COMMANDS: [string, string[]][] = [
  ['status', ['status']],
  ['update --dry-run', ['update', '--dry-run']],
  ['update', ['update']],
];

function runCli(args: string[], dir: string): Promise<{ peakRssMB: number; exitCode: number | null; seconds: number }> {
  const rssFile = join(dir, 'max-rss');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, CLI, ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: dir,
        LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        BENCH_MAX_RSS_FILE: rssFile,
      },
      // Read and dropped, as a pipe to another program would be.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.resume();
    child.stderr.resume();
    child.once('error', reject);
    child.once('close', (exitCode) => {
      const kB = Number(readFileSync(rssFile, 'utf8'));
      resolve({
        peakRssMB: Math.round((kB / 1024) * 10) / 10,
        exitCode,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      });
    });
  });
}

export async function fleetMemory(options: { small: number; large: number }): Promise<FleetMemoryRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'live-bench-memory-'));
  const server = await startBenchServer(0);
  try {
    // A certificate for *.example.com made now (no key is committed); a leaf alone, so the
    // pre-flight's missing-chain error is passed with --skip-checks, as a warning per domain.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-subj',
        '/CN=*.example.com',
        '-addext',
        'subjectAltName=DNS:*.example.com',
        '-days',
        '30',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const files = new Map<number, string>();
    for (const n of [options.small, options.large]) {
      const file = join(dir, `domains-${n}.txt`);
      writeFileSync(file, `${Array.from({ length: n }, (_, i) => `d${i}.example.com`).join('\n')}\n`);
      files.set(n, file);
    }
    const rows: FleetMemoryRow[] = [];
    for (const [name, command] of COMMANDS) {
      for (const json of [false, true]) {
        const args = (n: number) => [
          ...command,
          '--domains-file',
          files.get(n)!,
          ...(command[0] === 'update'
            ? ['--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem'), '--skip-checks']
            : []),
          '--endpoint',
          server.url,
          '--project-id',
          PROJECT_ID,
          '--concurrency',
          '16',
          // The default pace (120 a minute, the gateway's limit) would make 50,000 domains a
          // seven-hour run; memory is measured at full speed.
          '--requests-per-minute',
          '0',
          ...(json ? ['--json'] : []),
        ];
        const small = { domains: options.small, ...(await runCli(args(options.small), dir)) };
        const large = { domains: options.large, ...(await runCli(args(options.large), dir)) };
        rows.push({
          command: name,
          json,
          small,
          large,
          ratio: Math.round((large.peakRssMB / small.peakRssMB) * 100) / 100,
        });
      }
    }
    return rows;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
