// The certificate operations end to end, in process: the CLI against the verifying server (which keeps the configuration
// a PUT stores and returns it on GET) and a TLS server with SNI on 127.0.0.1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/args.js';
import { makeCert, type Pki, standardPki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startSniServer, type SniServer } from '../support/tls-server.js';
import { type Received, startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'OPSSUITEAK';
const SK = 'ops-suite-secret-key-0123456789';
const ENV = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};
let pki: Pki;
let server: VerifyingServer | undefined;
let tls: SniServer | undefined;

beforeAll(() => {
  pki = standardPki();
  writeFileSync(pki.path('wild-chain.crt'), pki.read('wild.crt') + pki.read('int.crt'));
  writeFileSync(pki.path('soon-chain.crt'), pki.read('soon.crt') + pki.read('int.crt'));
  // A second issuance for the same names: another certificate, another fingerprint.
  makeCert(pki, {
    name: 'leaf2',
    domains: ['play.example.com', 'www.example.com'],
    days: 80,
    issuer: { cert: 'int.crt', key: 'int.key' },
  });
  writeFileSync(pki.path('chain2.crt'), pki.read('leaf2.crt') + pki.read('int.crt'));
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  await server?.stop();
  await tls?.stop();
  server = undefined;
  tls = undefined;
});

const domainOf = (r: Received) => new URL(r.url, 'http://x').searchParams.get('domain');
const puts = () => server!.received.filter((r) => r.method === 'PUT');
const putBody = (r: Received) => JSON.parse(r.body.toString()) as Record<string, unknown>;
const deployedConfig = (certFile: string, forceRedirect: boolean) => ({
  certificate_format: 'PEM',
  certificate: pki.read(certFile),
  certificate_key: '',
  force_redirect: forceRedirect,
});

async function store(deployed: Record<string, object> = {}, delayMs = 0) {
  server = await startVerifyingServer({ keys: { [AK]: SK }, deployed, delayMs });
  return ['--endpoint', server.url];
}

const update = (domain: string, cert: string, key: string, ...more: string[]) => [
  'update',
  '--domain',
  domain,
  '--cert',
  pki.path(cert),
  '--key',
  pki.path(key),
  ...more,
];

describe('1. complete chains', () => {
  it('a leaf alone (cert.pem) is refused with chain-complete, exit 2, nothing sent; --skip-checks uploads it with a warning', async () => {
    const endpoint = await store();
    const r = await runCli([...update('play.example.com', 'leaf.crt', 'leaf.key'), ...endpoint], ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('chain-complete');
    expect(r.stderr).toContain('fullchain.pem');
    expect(server!.received).toEqual([]);
    const skipped = await runCli(
      [...update('play.example.com', 'leaf.crt', 'leaf.key', '--skip-checks'), ...endpoint],
      ENV,
    );
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(
      /warning: play\.example\.com: pre-flight errors ignored \(--skip-checks\): chain-complete/,
    );
    expect(puts()).toHaveLength(1);
  });

  it('a reversed chain is one clear finding; --fix-chain uploads it leaf first', async () => {
    const endpoint = await store();
    const r = await runCli([...update('play.example.com', 'reversed.crt', 'leaf.key'), ...endpoint, '--json'], ENV);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    const errors = doc.results[0].checks.findings.filter(
      (f: { status: string; severity: string }) => f.status === 'failed' && f.severity === 'error',
    );
    expect(errors.map((f: { message: string }) => f.message)).toEqual([
      expect.stringMatching(/^chain reversed: the leaf must come first/),
    ]);
    expect(server!.received).toEqual([]);
    const fixed = await runCli(
      [...update('play.example.com', 'reversed.crt', 'leaf.key', '--fix-chain'), ...endpoint],
      ENV,
    );
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toContain('reordered');
    expect(putBody(puts()[0]!)['certificate']).toBe(pki.read('chain.crt'));
  });
});

describe('2. read, compare, write', () => {
  it('the deployed chain and force_redirect already match: unchanged, exit 0, only a GET sent', async () => {
    const endpoint = await store({ 'play.example.com': deployedConfig('chain.crt', true) });
    const r = await runCli([...update('play.example.com', 'chain.crt', 'leaf.key'), ...endpoint], ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Unchanged: play.example.com');
    expect(server!.received.map((x) => x.method)).toEqual(['GET']);
    const json = JSON.parse(
      (await runCli([...update('play.example.com', 'chain.crt', 'leaf.key'), ...endpoint, '--json'], ENV)).stdout,
    );
    expect(json).toMatchObject({
      ok: true,
      summary: { total: 1, ok: 0, unchanged: 1, failed: 0, skipped: 0 },
      results: [{ domain: 'play.example.com', status: 'unchanged', action: 'unchanged' }],
    });
    expect(puts()).toEqual([]);
  });

  it('a new certificate keeps the deployed force_redirect (true) when no flag is given', async () => {
    const endpoint = await store({ 'play.example.com': deployedConfig('chain.crt', true) });
    const r = await runCli([...update('play.example.com', 'chain2.crt', 'leaf2.key'), ...endpoint], ENV);
    expect(r.code).toBe(0);
    expect(server!.received.map((x) => x.method)).toEqual(['GET', 'PUT']);
    expect(putBody(puts()[0]!)).toMatchObject({ force_redirect: true, certificate: pki.read('chain2.crt') });
  });

  it('--no-force-redirect turns it off even for the same certificate; --force-redirect turns it on', async () => {
    const endpoint = await store({ 'play.example.com': deployedConfig('chain.crt', true) });
    expect(
      (await runCli([...update('play.example.com', 'chain.crt', 'leaf.key', '--no-force-redirect'), ...endpoint], ENV))
        .code,
    ).toBe(0);
    expect(putBody(puts()[0]!)['force_redirect']).toBe(false);
    expect(
      (await runCli([...update('play.example.com', 'chain.crt', 'leaf.key', '--force-redirect'), ...endpoint], ENV))
        .code,
    ).toBe(0);
    expect(putBody(puts()[1]!)['force_redirect']).toBe(true);
    const both = await runCli(
      [...update('play.example.com', 'chain.crt', 'leaf.key', '--force-redirect', '--no-force-redirect'), ...endpoint],
      ENV,
    );
    expect(both.code).toBe(2);
  });

  it('--always uploads the same certificate again without comparing (one read, to save the setting for rollback)', async () => {
    const endpoint = await store({ 'play.example.com': deployedConfig('chain.crt', false) });
    const r = await runCli([...update('play.example.com', 'chain.crt', 'leaf.key', '--always'), ...endpoint], ENV);
    expect(r.code).toBe(0);
    expect(server!.received.map((x) => x.method)).toEqual(['GET', 'PUT']);
  });

  it('the dry run shows deployed versus local (subject, expiry, fingerprint, force_redirect), sends no PUT, prints no key', async () => {
    const endpoint = await store({ 'play.example.com': deployedConfig('chain.crt', true) });
    const r = await runCli(
      [...update('play.example.com', 'chain2.crt', 'leaf2.key', '--no-force-redirect', '--dry-run'), ...endpoint],
      ENV,
    );
    expect(r.code).toBe(0);
    expect(server!.received.map((x) => x.method)).toEqual(['GET']);
    expect(r.stdout).toMatch(/subject +CN=play\.example\.com +CN=play\.example\.com\n/);
    for (const field of ['not after', 'sha-256', 'force_redirect'])
      expect(r.stdout).toMatch(new RegExp(`${field}.*\\(differs\\)`));
    expect(r.stdout).toContain('differs in: certificate, notAfter, fingerprint256, force_redirect');
    expect(r.stdout).not.toMatch(/PRIVATE KEY|MIG/);
    const json = JSON.parse(
      (
        await runCli(
          [...update('play.example.com', 'chain2.crt', 'leaf2.key', '--dry-run', '--json'), ...endpoint],
          ENV,
        )
      ).stdout,
    );
    expect(json.results[0]).toMatchObject({
      status: 'ok',
      dryRun: true,
      deployed: { forceRedirect: true },
      local: { forceRedirect: true },
    });
    expect(json.results[0].differences.map((d: { field: string }) => d.field)).toEqual([
      'certificate',
      'notAfter',
      'fingerprint256',
    ]);
    expect(JSON.stringify(json)).not.toContain(pki.read('leaf2.key').split('\n')[1]);
  });
});

describe('3. status', () => {
  it('a certificate 10 days from expiry with --warn-days 30: exit 4, every field in --json', async () => {
    const endpoint = await store({ 'soon.example.com': deployedConfig('soon-chain.crt', true) });
    const r = await runCli(['status', '--domain', 'soon.example.com', '--warn-days', '30', ...endpoint], ENV);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/ATTENTION: +expires in 9 days/);
    const json = JSON.parse(
      (await runCli(['status', '--domain', 'soon.example.com', '--warn-days', '30', '--json', ...endpoint], ENV))
        .stdout,
    );
    expect(json).toMatchObject({ ok: false, summary: { total: 1, failed: 1 } });
    const result = json.results[0];
    expect(result).toMatchObject({
      domain: 'soon.example.com',
      status: 'failed',
      needsAttention: true,
      forceRedirect: true,
      source: 'user',
    });
    expect(Object.keys(result.certificate).sort()).toEqual([
      'chainFingerprints',
      'coversDomain',
      'daysLeft',
      'fingerprint256',
      'issuer',
      'names',
      'notAfter',
      'notBefore',
      'subject',
    ]);
    expect(result.certificate).toMatchObject({
      subject: 'CN=soon.example.com',
      issuer: 'CN=Test Intermediate CA',
      coversDomain: true,
      daysLeft: 9,
    });
    expect(result.certificate.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const relaxed = await runCli(['status', '--domain', 'soon.example.com', '--warn-days', '5', ...endpoint], ENV);
    expect(relaxed.code).toBe(0);
  });

  it('a fleet: no certificate and not covering need attention; the healthy one is ok; source scm shows cert_id', async () => {
    const endpoint = await store({
      'play.example.com': deployedConfig('chain.crt', false),
      'other.example.net': deployedConfig('chain.crt', false),
      'scm.example.com': {
        certificate_format: 'PEM',
        certificate: '',
        certificate_key: '',
        force_redirect: false,
        tls_certificate: { source: 'scm', cert_id: 'scs1700000000001', cert_name: 'prod' },
      },
    });
    const r = await runCli(
      [
        'status',
        '--domain',
        'play.example.com',
        '--domain',
        'other.example.net',
        '--domain',
        'none.example.com',
        '--domain',
        'scm.example.com',
        '--json',
        ...endpoint,
      ],
      ENV,
    );
    expect(r.code).toBe(4);
    const byDomain = Object.fromEntries(JSON.parse(r.stdout).results.map((x: { domain: string }) => [x.domain, x]));
    expect(byDomain['play.example.com']).toMatchObject({ status: 'ok', attention: [] });
    expect(byDomain['other.example.net'].attention).toEqual([
      expect.stringContaining('does not cover other.example.net'),
    ]);
    expect(byDomain['none.example.com'].attention).toEqual(['no certificate configured']);
    expect(byDomain['scm.example.com']).toMatchObject({ source: 'scm', certId: 'scs1700000000001', certName: 'prod' });
  });
});

describe('4. verify', () => {
  it('matching and not matching against a TLS server with SNI = the domain; exit 4 says what is served', async () => {
    tls = await startSniServer({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    tls.serve('play.example.com', pki.read('chain.crt'), pki.read('leaf.key'));
    const connect = ['--connect', `127.0.0.1:${tls.port}`];
    const ok = await runCli(
      ['verify', '--domain', 'play.example.com', '--cert', pki.path('chain.crt'), ...connect],
      ENV,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('serves the expected certificate');
    expect(tls.servernames).toContain('play.example.com');
    const wrong = await runCli(
      ['verify', '--domain', 'play.example.com', '--cert', pki.path('chain2.crt'), ...connect, '--json'],
      ENV,
    );
    expect(wrong.code).toBe(4);
    const result = JSON.parse(wrong.stdout).results[0];
    expect(result).toMatchObject({ matched: false, served: { subject: 'CN=play.example.com' } });
    expect(result.served.fingerprint256).not.toBe(result.expectedFingerprint);
  });

  it('--wait polls until the new certificate is served; without --cert it compares with the deployed one', async () => {
    const endpoint = await store({ 'play.example.com': deployedConfig('chain2.crt', false) });
    tls = await startSniServer({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    tls.serve('play.example.com', pki.read('chain.crt'), pki.read('leaf.key'));
    const server = tls;
    // Switch only after verify has seen the old certificate once: a timer alone races a slow start.
    const switchAfterFirstLook = setInterval(() => {
      if (!server.servernames.includes('play.example.com')) return;
      clearInterval(switchAfterFirstLook);
      server.serve('play.example.com', pki.read('chain2.crt'), pki.read('leaf2.key'));
    }, 20);
    const r = await runCli(
      [
        'verify',
        '--domain',
        'play.example.com',
        '--connect',
        `127.0.0.1:${tls.port}`,
        '--wait',
        '20s',
        '--json',
        ...endpoint,
      ],
      ENV,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].attempts).toBeGreaterThan(1);
  });

  it('update --verify uploads, then checks what is served (exit 4 while the old one is served)', async () => {
    const endpoint = await store({ 'play.example.com': deployedConfig('chain.crt', false) });
    tls = await startSniServer({ cert: pki.read('chain.crt'), key: pki.read('leaf.key') });
    const r = await runCli(
      [
        ...update('play.example.com', 'chain2.crt', 'leaf2.key', '--verify', '--connect', `127.0.0.1:${tls.port}`),
        ...endpoint,
      ],
      ENV,
    );
    expect(r.code).toBe(4);
    expect(puts()).toHaveLength(1);
    expect(r.stderr).toMatch(/uploaded .*but 127\.0\.0\.1:\d+ serves CN=play\.example\.com/);
  });
});

describe('5. deploy-hook', () => {
  it("certbot's RENEWED_LINEAGE: uploads fullchain.pem only to the Live domains it covers, skips the others with a note", async () => {
    const endpoint = await store();
    const lineage = pki.path('live/example.com');
    mkdirSync(lineage, { recursive: true });
    writeFileSync(`${lineage}/fullchain.pem`, pki.read('wild-chain.crt'));
    writeFileSync(`${lineage}/privkey.pem`, pki.read('wild.key'));
    writeFileSync(
      pki.path('live-domains.txt'),
      'a.example.com\nb.c.example.com\nexample.com\nplay.example.org\nB.Example.com.\n',
    );
    const r = await runCli(['deploy-hook', '--domains-file', pki.path('live-domains.txt'), ...endpoint, '--json'], {
      ...ENV,
      RENEWED_LINEAGE: lineage,
      RENEWED_DOMAINS: '*.example.com',
    });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toEqual({ total: 5, ok: 2, unchanged: 0, failed: 0, skipped: 3 });
    expect(
      doc.results
        .filter((x: { status: string }) => x.status === 'skipped')
        .map((x: { domain: string; reason: string }) => [x.domain, x.reason]),
    ).toEqual([
      ['b.c.example.com', expect.stringContaining('not covered')],
      ['example.com', expect.stringContaining('not covered')],
      ['play.example.org', expect.stringContaining('not covered')],
    ]);
    expect(puts().map(domainOf).sort()).toEqual(['a.example.com', 'b.example.com']);
    expect(putBody(puts()[0]!)['certificate']).toBe(pki.read('wild-chain.crt'));
    // Run again (certbot retries): nothing left to upload.
    const again = await runCli(['deploy-hook', '--domains-file', pki.path('live-domains.txt'), ...endpoint], {
      ...ENV,
      RENEWED_LINEAGE: lineage,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 ok, 2 unchanged');
    expect(puts()).toHaveLength(2);
  });
});

describe('6. fleets', () => {
  it('Ctrl-C (the interrupt signal) in a 500-domain fleet: in-flight finish, the rest skipped, exit 130; --report lines match what the server received', async () => {
    const endpoint = await store({}, 40);
    const domains = Array.from({ length: 500 }, (_, i) => `d${i}.example.com`);
    writeFileSync(pki.path('fleet.txt'), domains.join('\n'));
    const reportFile = pki.path('report.jsonl');
    const interrupt = new AbortController();
    const run = runCli(
      [
        'update',
        '--domains-file',
        pki.path('fleet.txt'),
        '--cert',
        pki.path('wild-chain.crt'),
        '--key',
        pki.path('wild.key'),
        '--always',
        '--concurrency',
        '4',
        '--report',
        reportFile,
        '--json',
        ...endpoint,
      ],
      ENV,
      { io: { interrupt: interrupt.signal } },
    );
    const lines = () => readFileSync(reportFile, 'utf8').split('\n').filter(Boolean);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        try {
          if (lines().length >= 20) {
            clearInterval(poll);
            resolve();
          }
        } catch {
          /* not created yet */
        }
      }, 20);
    });
    interrupt.abort();
    const { code, stdout } = await run;
    expect(code).toBe(130);
    const doc = JSON.parse(stdout);
    expect(doc.interrupted).toBe(true);
    expect(doc.summary.total).toBe(500);
    expect(doc.summary.skipped).toBeGreaterThan(300);
    expect(doc.summary.ok + doc.summary.skipped).toBe(500);
    const reported = lines().map((l) => JSON.parse(l) as { domain: string; status: string });
    const received = puts().map(domainOf);
    expect(reported.map((x) => x.domain).sort()).toEqual([...received].sort());
    expect(reported.every((x) => x.status === 'ok')).toBe(true);
    expect(
      doc.results
        .filter((x: { status: string }) => x.status === 'ok')
        .map((x: { domain: string }) => x.domain)
        .sort(),
    ).toEqual(reported.map((x) => x.domain).sort());
  });

  it('domains are de-duplicated case-insensitively and without a trailing dot', async () => {
    const endpoint = await store();
    const r = await runCli(
      [
        'show',
        '--domain',
        'Play.Example.COM.',
        '--domain',
        'play.example.com',
        '--domain',
        'PLAY.example.com',
        '--json',
        ...endpoint,
      ],
      ENV,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.total).toBe(1);
    expect(server!.received.map(domainOf)).toEqual(['play.example.com']);
  });

  it('delete of more than one domain without --yes off a terminal: exit 2, nothing sent; with --yes it runs', async () => {
    const endpoint = await store();
    const r = await runCli(['delete', '--domain', 'a.example.com', '--domain', 'b.example.com', ...endpoint], ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(server!.received).toEqual([]);
    const yes = await runCli(
      ['delete', '--domain', 'a.example.com', '--domain', 'b.example.com', '--yes', ...endpoint],
      ENV,
    );
    expect(yes.code).toBe(0);
    // Each DELETE follows the GET that saved the domain's setting for rollback.
    expect(server!.received.map((x) => x.method)).toEqual(['GET', 'DELETE', 'GET', 'DELETE']);
  });

  it.each([
    [false, 2, 0],
    [true, 0, 2],
  ])('delete of a fleet on a terminal asks; answering %s: exit %i, %i DELETEs sent', async (answer, code, sent) => {
    const endpoint = await store();
    const asked: string[] = [];
    const r = await runCli(['delete', '--domain', 'a.example.com', '--domain', 'b.example.com', ...endpoint], ENV, {
      io: {
        stdinIsTTY: true,
        confirm: async (question) => {
          asked.push(question);
          return answer;
        },
      },
    });
    expect(asked).toEqual([
      'Delete the HTTPS certificate configuration of 2 domains (a.example.com, b.example.com)? [y/N] ',
    ]);
    expect(r.code).toBe(code);
    if (!answer) expect(r.stderr).toContain('not confirmed; nothing was sent');
    expect(server!.received.filter((x) => x.method === 'DELETE')).toHaveLength(sent);
  });

  it('every command prints one JSON document of the same shape, for one domain and for many', async () => {
    const endpoint = await store({ 'a.example.com': deployedConfig('wild-chain.crt', false) });
    const shapes = [
      ['show', '--domain', 'a.example.com'],
      ['status', '--domain', 'a.example.com', '--domain', 'b.example.com'],
      ['update', '--domain', 'a.example.com', '--cert', pki.path('wild-chain.crt'), '--key', pki.path('wild.key')],
      [
        'check',
        '--domain',
        'a.example.com',
        '--domain',
        'b.example.com',
        '--cert',
        pki.path('wild-chain.crt'),
        '--key',
        pki.path('wild.key'),
      ],
      ['delete', '--domain', 'a.example.com', '--dry-run'],
    ];
    for (const args of shapes) {
      const doc = JSON.parse((await runCli([...args, '--json', ...(args[0] === 'check' ? [] : endpoint)], ENV)).stdout);
      // The results come first: they are written as each domain finishes, the counts at the end.
      expect(Object.keys(doc), args.join(' ')).toEqual(['results', 'ok', 'summary']);
      expect(Object.keys(doc.summary)).toEqual(['total', 'ok', 'unchanged', 'failed', 'skipped']);
      expect(doc.results).toHaveLength(doc.summary.total);
    }
  });

  it('fleets show warnings too (expiring soon, --skip-checks)', async () => {
    const endpoint = await store();
    const r = await runCli(
      [
        'update',
        '--domain',
        'soon.example.com',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('soon-chain.crt'),
        '--key',
        pki.path('soon.key'),
        '--skip-checks',
        ...endpoint,
      ],
      ENV,
    );
    // Each domain's warnings are under its row, written as it finishes.
    expect(r.stdout).toMatch(/soon\.example\.com +ok .*\n +warning: validity: expires in 9 days/);
    expect(r.stdout).toMatch(
      /play\.example\.com +ok .*(\n +warning: .*)*\n +warning: pre-flight errors ignored \(--skip-checks\): domain/,
    );
  });
});

describe('7. errors that tell the fix, help that lists everything', () => {
  it.each([
    ['LIVE.100011003', 401, 'show', 'live:domain:getCDNConfig'],
    ['LIVE.100011003', 401, 'delete', 'live:domain:updateCDNConfig'],
    ['LIVE.103011019', 404, 'show', 'not a Live domain of this project and region'],
  ])('%s on %s names the fix', async (code, status, command, hint) => {
    server = await startVerifyingServer({
      keys: { [AK]: SK },
      // delete reads the setting it saves for rollback first: the refusal is the DELETE's own.
      reply: (r) =>
        command === 'delete' && r.method === 'GET'
          ? {
              status: 200,
              body: { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false },
            }
          : { status, body: { error_code: code, error_msg: 'refused' } },
    });
    const r = await runCli([command, '--domain', 'a.example.com', '--endpoint', server.url], ENV);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(hint);
  });

  it('APIGW.0301 says to check AK/SK and the clock', async () => {
    const endpoint = await store();
    const r = await runCli(['status', '--domain', 'a.example.com', ...endpoint], {
      ...ENV,
      HUAWEICLOUD_SDK_SK: 'wrong-secret-key-value',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/APIGW\.0301.*AK.*SK.*clock/s);
  });

  it.each(Object.keys(COMMANDS))('%s --help lists every option it takes and the exit codes', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    for (const flag of Object.keys(COMMANDS[command as keyof typeof COMMANDS].options))
      expect(r.stdout, flag).toContain(`--${flag}`);
    expect(r.stdout).toContain('Exit codes');
  });
});
