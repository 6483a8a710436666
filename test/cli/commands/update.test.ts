// live-https-cert update, in process (runCli with an injected io): against Prism; against the
// verifying server (signing, fleets with failures, --fail-fast, pre-flight errors, complete chains,
// read-compare-write, --verify, Ctrl-C, the files it reads and writes, dry runs); against the
// stateful fake of Live (--covered: the project's pull domains the certificate covers) and of Live
// and CCM (--via-ccm; --verify --rollback-on-failure against a loopback TLS edge).
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCert, newPki, type Pki, standardPki } from '../../support/certs.js';
import type { FakeCloud, FakeCloudOptions } from '../../support/fake-cloud.js';
import { domainsOf, FLEET_ENV, fleetCloudPerTest, OTHER_DOMAINS, playDomains } from '../../support/fleet-fixture.js';
import { runInProcess } from '../../support/run-cli.js';
import { startSniServer, type SniServer } from '../../support/tls-server.js';
import { startVerifyingServer, type VerifyingServer } from '../../support/verifying-server.js';
import { ALL, ccmFixturePerTest, DOMAIN_ID } from './ccm-fixture.js';
import { onPrism, prismEnv } from './prism-fixture.js';
import { noRawError, TOKEN_ENV, unreadableCert } from './unreadable-cert-fixture.js';
import {
  AK,
  deployablePkiForBlock,
  deployedConfig,
  domainOf,
  ENV,
  putBody,
  SK,
  tlsServersPerTest,
  verifyingServerPerTest,
} from './verifying-fixture.js';

describe('update against Prism', () => {
  let pki: Pki;
  beforeAll(() => {
    pki = newPki();
    makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 90 });
    writeFileSync(pki.path('domains.txt'), '# fleet\na.example.com\nb.example.com\n\nc.example.com\n');
  });
  afterAll(() => pki.cleanup());

  it('update a single domain: checks pass, uploads, exit 0', async () => {
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--force-redirect',
        ...onPrism(),
      ],
      prismEnv(),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'Updated the HTTPS certificate of play.example.com (request id 7c2a4ff0b5d3e1a2c9f84d6e0a1b2c3d)',
    );
    expect(r.code).toBe(0);
  });

  it('update --json gives one JSON document with the request id and the checks', async () => {
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--json',
        ...onPrism(),
      ],
      prismEnv(),
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      ok: true,
      summary: { total: 1, ok: 1 },
      results: [
        {
          domain: 'play.example.com',
          status: 'ok',
          action: 'updated',
          requestId: '7c2a4ff0b5d3e1a2c9f84d6e0a1b2c3d',
          checks: { ok: true },
        },
      ],
    });
  });

  it('update --scm-cert-id sends a CCM reference (no files needed)', async () => {
    const r = await runInProcess(
      ['update', '--domain', 'play.example.com', '--scm-cert-id', 'scs1700000000000', '--json', ...onPrism()],
      prismEnv(),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, results: [{ status: 'ok' }] });
  });

  it('a fleet from --domains-file plus --domain: a table, exit 0', async () => {
    const r = await runInProcess(
      [
        'update',
        '--domains-file',
        pki.path('domains.txt'),
        '--domain',
        'd.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        ...onPrism(),
      ],
      prismEnv(),
    );
    expect(r.code).toBe(0);
    for (const d of ['a', 'b', 'c', 'd'])
      expect(r.stdout).toMatch(new RegExp(`${d}\\.example\\.com\\s+ok\\s+uploaded`));
    expect(r.stdout).toContain('4 of 4 succeeded (4 ok, 0 unchanged), 0 failed, 0 skipped');
    expect(r.stderr).toBe('');
  });

  it('a fleet with --json gives the same document, a result per domain', async () => {
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'a.example.com',
        '--domain',
        'b.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--json',
        ...onPrism(),
      ],
      prismEnv(),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.map((o: { domain: string; status: string }) => [o.domain, o.status])).toEqual([
      ['a.example.com', 'ok'],
      ['b.example.com', 'ok'],
    ]);
  });

  it('--dry-run validates and signs but sends nothing, and prints the request without the key', async () => {
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--dry-run',
        '--always',
        '--endpoint',
        'http://127.0.0.1:9',
      ],
      prismEnv(),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'PUT http://127.0.0.1:9/v1/0123456789abcdef0123456789abcdef/guard/https-cert?domain=play.example.com',
    );
    expect(r.stdout).toMatch(
      /authorization: SDK-HMAC-SHA256 Access=CLIPRISMAK, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, Signature=\[REDACTED\]\n/,
    );
    expect(r.stdout).toContain('[REDACTED private key');
    expect(r.stdout).not.toContain('PRIVATE KEY-----');
  });
});

describe('update against the verifying server', () => {
  let pki: Pki;
  const live = verifyingServerPerTest();
  beforeAll(() => {
    pki = newPki();
    makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 90 });
  });
  afterAll(() => pki.cleanup());
  const certArgs = () => ['--cert', pki.path('wild.crt'), '--key', pki.path('wild.key')];

  it.each([
    ['HUAWEICLOUD_SDK_AK/SK', { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK }],
    ['CLOUD_SDK_AK/SK (the page samples)', { CLOUD_SDK_AK: AK, CLOUD_SDK_SK: SK }],
  ])('signs with %s and the server verifies it', async (_name, env) => {
    const url = await live.serve();
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'play.example.com',
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '1111111111111111aaaaaaaaaaaaaaaa',
      ],
      env,
    );
    expect(r.code).toBe(0);
    // Read (GET), compare, write (PUT): both signed and verified.
    expect(live.server?.received.map((x) => [x.method, x.verdict])).toEqual([
      ['GET', 'ok'],
      ['PUT', 'ok'],
    ]);
    expect(live.server?.received[0]?.headers['x-project-id']).toBe('1111111111111111aaaaaaaaaaaaaaaa');
  });

  it('a fleet where one domain fails: the others succeed, the table says which, exit 1', async () => {
    const url = await live.serve((domain) =>
      domain === 'bad.example.com'
        ? { status: 404, body: { error_code: 'LIVE.103011019', error_msg: 'not exists' } }
        : undefined,
    );
    const domains = ['a.example.com', 'bad.example.com', 'c.example.com', 'd.example.com'];
    const r = await runInProcess(
      [
        'update',
        ...domains.flatMap((d) => ['--domain', d]),
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--concurrency',
        '2',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.example\.com\s+failed\s+ShowDomainHttpsCert failed with HTTP 404: LIVE\.103011019/);
    expect(r.stdout).toContain('3 of 4 succeeded (3 ok, 0 unchanged), 1 failed');
    expect(live.server?.received.filter((x) => x.method === 'PUT')).toHaveLength(3);
  });

  it('--fail-fast stops starting domains after the first failure', async () => {
    const url = await live.serve((domain) =>
      domain === 'b.example.com'
        ? { status: 400, body: { error_code: 'LIVE.100011001', error_msg: 'Request Illegal' } }
        : undefined,
    );
    const domains = ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com'];
    writeFileSync(pki.path('five.txt'), domains.join('\n'));
    const r = await runInProcess(
      [
        'update',
        '--domains-file',
        pki.path('five.txt'),
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--concurrency',
        '1',
        '--fail-fast',
        '--json',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results.map((o: { status: string }) => o.status)).toEqual([
      'ok',
      'failed',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect([...new Set(live.server?.received.map((x) => domainOf(x.url)))]).toEqual(['a.example.com', 'b.example.com']);
  });

  it('pre-flight errors for some domains of a fleet: those are not sent, exit 2', async () => {
    const url = await live.serve();
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'a.example.com',
        '--domain',
        'a.example.org',
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--json',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(2);
    const outcomes = JSON.parse(r.stdout).results as { domain: string }[];
    expect(outcomes.find((o) => o.domain === 'a.example.org')).toMatchObject({
      status: 'failed',
      checks: { ok: false },
    });
    expect([...new Set(live.server?.received.map((x) => domainOf(x.url)))]).toEqual(['a.example.com']);
  });

  it('--skip-checks uploads despite pre-flight errors', async () => {
    const url = await live.serve();
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'a.example.org',
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--skip-checks',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(0);
    expect(live.server?.received.filter((x) => x.method === 'PUT')).toHaveLength(1);
  });
});

describe('update against a server that keeps the configuration', () => {
  const pki = deployablePkiForBlock();
  const live = verifyingServerPerTest();
  const startTls = tlsServersPerTest();

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

  describe('complete chains', () => {
    it('a leaf alone (cert.pem) is refused with chain-complete, exit 2, nothing sent; --skip-checks uploads it with a warning', async () => {
      const endpoint = await live.store();
      const r = await runInProcess([...update('play.example.com', 'leaf.crt', 'leaf.key'), ...endpoint], ENV);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('chain-complete');
      expect(r.stderr).toContain('fullchain.pem');
      expect(live.server!.received).toEqual([]);
      const skipped = await runInProcess(
        [...update('play.example.com', 'leaf.crt', 'leaf.key', '--skip-checks'), ...endpoint],
        ENV,
      );
      expect(skipped.code).toBe(0);
      expect(skipped.stderr).toMatch(
        /warning: play\.example\.com: pre-flight errors ignored \(--skip-checks\): chain-complete/,
      );
      expect(live.puts()).toHaveLength(1);
    });

    it('a reversed chain is one clear finding; --fix-chain uploads it leaf first', async () => {
      const endpoint = await live.store();
      const r = await runInProcess(
        [...update('play.example.com', 'reversed.crt', 'leaf.key'), ...endpoint, '--json'],
        ENV,
      );
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout);
      const errors = doc.results[0].checks.findings.filter(
        (f: { status: string; severity: string }) => f.status === 'failed' && f.severity === 'error',
      );
      expect(errors.map((f: { message: string }) => f.message)).toEqual([
        expect.stringMatching(/^chain reversed: the leaf must come first/),
      ]);
      expect(live.server!.received).toEqual([]);
      const fixed = await runInProcess(
        [...update('play.example.com', 'reversed.crt', 'leaf.key', '--fix-chain'), ...endpoint],
        ENV,
      );
      expect(fixed.code).toBe(0);
      expect(fixed.stderr).toContain('reordered');
      expect(putBody(live.puts()[0]!)['certificate']).toBe(pki.read('chain.crt'));
    });
  });

  describe('read, compare, write', () => {
    it('the deployed chain and force_redirect already match: unchanged, exit 0, only a GET sent', async () => {
      const endpoint = await live.store({ 'play.example.com': deployedConfig(pki, 'chain.crt', true) });
      const r = await runInProcess([...update('play.example.com', 'chain.crt', 'leaf.key'), ...endpoint], ENV);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Unchanged: play.example.com');
      expect(live.server!.received.map((x) => x.method)).toEqual(['GET']);
      const json = JSON.parse(
        (await runInProcess([...update('play.example.com', 'chain.crt', 'leaf.key'), ...endpoint, '--json'], ENV))
          .stdout,
      );
      expect(json).toMatchObject({
        ok: true,
        summary: { total: 1, ok: 0, unchanged: 1, failed: 0, skipped: 0 },
        results: [{ domain: 'play.example.com', status: 'unchanged', action: 'unchanged' }],
      });
      expect(live.puts()).toEqual([]);
    });

    it('a new certificate keeps the deployed force_redirect (true) when no flag is given', async () => {
      const endpoint = await live.store({ 'play.example.com': deployedConfig(pki, 'chain.crt', true) });
      const r = await runInProcess([...update('play.example.com', 'chain2.crt', 'leaf2.key'), ...endpoint], ENV);
      expect(r.code).toBe(0);
      expect(live.server!.received.map((x) => x.method)).toEqual(['GET', 'PUT']);
      expect(putBody(live.puts()[0]!)).toMatchObject({ force_redirect: true, certificate: pki.read('chain2.crt') });
    });

    it('--no-force-redirect turns it off even for the same certificate; --force-redirect turns it on', async () => {
      const endpoint = await live.store({ 'play.example.com': deployedConfig(pki, 'chain.crt', true) });
      expect(
        (
          await runInProcess(
            [...update('play.example.com', 'chain.crt', 'leaf.key', '--no-force-redirect'), ...endpoint],
            ENV,
          )
        ).code,
      ).toBe(0);
      expect(putBody(live.puts()[0]!)['force_redirect']).toBe(false);
      expect(
        (
          await runInProcess(
            [...update('play.example.com', 'chain.crt', 'leaf.key', '--force-redirect'), ...endpoint],
            ENV,
          )
        ).code,
      ).toBe(0);
      expect(putBody(live.puts()[1]!)['force_redirect']).toBe(true);
      const both = await runInProcess(
        [
          ...update('play.example.com', 'chain.crt', 'leaf.key', '--force-redirect', '--no-force-redirect'),
          ...endpoint,
        ],
        ENV,
      );
      expect(both.code).toBe(2);
    });

    it('--always uploads the same certificate again without comparing (one read, to save the setting for rollback)', async () => {
      const endpoint = await live.store({ 'play.example.com': deployedConfig(pki, 'chain.crt', false) });
      const r = await runInProcess(
        [...update('play.example.com', 'chain.crt', 'leaf.key', '--always'), ...endpoint],
        ENV,
      );
      expect(r.code).toBe(0);
      expect(live.server!.received.map((x) => x.method)).toEqual(['GET', 'PUT']);
    });

    it('the dry run shows deployed versus local (subject, expiry, fingerprint, force_redirect), sends no PUT, prints no key', async () => {
      const endpoint = await live.store({ 'play.example.com': deployedConfig(pki, 'chain.crt', true) });
      const r = await runInProcess(
        [...update('play.example.com', 'chain2.crt', 'leaf2.key', '--no-force-redirect', '--dry-run'), ...endpoint],
        ENV,
      );
      expect(r.code).toBe(0);
      expect(live.server!.received.map((x) => x.method)).toEqual(['GET']);
      expect(r.stdout).toMatch(/subject +CN=play\.example\.com +CN=play\.example\.com\n/);
      for (const field of ['not after', 'sha-256', 'force_redirect'])
        expect(r.stdout).toMatch(new RegExp(`${field}.*\\(differs\\)`));
      expect(r.stdout).toContain('differs in: certificate, notAfter, fingerprint256, force_redirect');
      expect(r.stdout).not.toMatch(/PRIVATE KEY|MIG/);
      const json = JSON.parse(
        (
          await runInProcess(
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

  describe('--verify', () => {
    it('update --verify uploads, then checks what is served (exit 4 while the old one is served)', async () => {
      const endpoint = await live.store({ 'play.example.com': deployedConfig(pki, 'chain.crt', false) });
      const tls = await startTls({ cert: pki.read('chain.crt'), key: pki.read('leaf.key') });
      const r = await runInProcess(
        [
          ...update('play.example.com', 'chain2.crt', 'leaf2.key', '--verify', '--connect', `127.0.0.1:${tls.port}`),
          ...endpoint,
        ],
        ENV,
      );
      expect(r.code).toBe(4);
      expect(live.puts()).toHaveLength(1);
      expect(r.stderr).toMatch(/uploaded .*but 127\.0\.0\.1:\d+ serves CN=play\.example\.com/);
    });
  });

  describe('fleets', () => {
    it('Ctrl-C (the interrupt signal) in a 500-domain fleet: in-flight finish, the rest skipped, exit 130; --report lines match what the server received', async () => {
      const endpoint = await live.store({}, 40);
      const domains = Array.from({ length: 500 }, (_, i) => `d${i}.example.com`);
      writeFileSync(pki.path('fleet.txt'), domains.join('\n'));
      const reportFile = pki.path('report.jsonl');
      const interrupt = new AbortController();
      const run = runInProcess(
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
      const received = live.puts().map((r) => domainOf(r.url));
      expect(reported.map((x) => x.domain).sort()).toEqual([...received].sort());
      expect(reported.every((x) => x.status === 'ok')).toBe(true);
      expect(
        doc.results
          .filter((x: { status: string }) => x.status === 'ok')
          .map((x: { domain: string }) => x.domain)
          .sort(),
      ).toEqual(reported.map((x) => x.domain).sort());
    });

    it('fleets show warnings too (expiring soon, --skip-checks)', async () => {
      const endpoint = await live.store();
      const r = await runInProcess(
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
});

describe('update against a slow verifying server', () => {
  let pki: Pki;
  let server: VerifyingServer;

  beforeAll(async () => {
    pki = standardPki();
    server = await startVerifyingServer({ keys: { [AK]: SK }, delayMs: 5 });
  });
  afterAll(async () => {
    await server.stop();
    pki.cleanup();
  });

  describe('update --dry-run', () => {
    it('over many domains at once, each result shows its own request, and no key text', async () => {
      const domains = Array.from({ length: 120 }, (_, i) => `d${i}.example.com`);
      const r = await runInProcess(
        [
          'update',
          ...domains.flatMap((d) => ['--domain', d]),
          '--cert',
          pki.path('wild.crt'),
          '--key',
          pki.path('wild.key'),
          '--skip-checks',
          '--concurrency',
          '16',
          '--endpoint',
          server.url,
          '--dry-run',
          '--json',
        ],
        ENV,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const results = (JSON.parse(r.stdout) as { results: { domain: string; request: { url: string } }[] }).results;
      expect(results).toHaveLength(domains.length);
      for (const result of results)
        expect(new URL(result.request.url).searchParams.get('domain'), result.domain).toBe(result.domain);
      expect(r.stdout).not.toContain(pki.read('wild.key').split('\n')[1]);
      expect(server.received.filter((x) => x.method !== 'GET')).toEqual([]);
    });
  });

  const one = (...more: string[]) => [
    'update',
    '--domain',
    'play.example.com',
    '--cert',
    pki.path('chain.crt'),
    '--key',
    pki.path('leaf.key'),
    '--endpoint',
    server.url,
    '--dry-run',
    ...more,
  ];

  describe('files an update reads and writes', () => {
    it('a private key file group or others may read gets a warning; a private one none', async () => {
      chmodSync(pki.path('leaf.key'), 0o640);
      const open = await runInProcess(one(), ENV);
      expect(open.code).toBe(0);
      expect(open.stderr).toContain(
        `warning: --key ${pki.path('leaf.key')} is accessible by group or others (mode 0640)`,
      );
      expect(open.stderr).toContain(`chmod 600 ${pki.path('leaf.key')}`);
      chmodSync(pki.path('leaf.key'), 0o600);
      const closed = await runInProcess(one(), ENV);
      expect(closed.code).toBe(0);
      expect(closed.stderr).not.toContain('accessible by group or others');
    });

    it('--report through a symbolic link it did not create is refused before anything is sent', async () => {
      const target = pki.path('someone-elses-file');
      writeFileSync(target, 'precious\n');
      const link = pki.path('report-link.jsonl');
      symlinkSync(target, link);
      const before = server.received.length;
      const r = await runInProcess(one('--report', link), ENV);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--report ${link}: is a symbolic link`);
      expect(readFileSync(target, 'utf8')).toBe('precious\n');
      expect(server.received.length).toBe(before);
    });

    it('--report creates a file only its owner can read, a line per domain', async () => {
      const report = pki.path('new-report.jsonl');
      expect(existsSync(report)).toBe(false);
      const r = await runInProcess(one('--report', report), ENV);
      expect(r.code).toBe(0);
      expect(statSync(report).mode & 0o777).toBe(0o600);
      expect(
        readFileSync(report, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).domain),
      ).toEqual(['play.example.com']);
    });
  });
});

describe('update over a deployed certificate whose validity date cannot be read', () => {
  const unreadable = unreadableCert();

  it('update reads it as deployed and still uploads the good local certificate', async () => {
    const r = await runInProcess(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        unreadable.pki.path('leaf.crt'),
        '--key',
        unreadable.pki.path('leaf.key'),
        '--skip-checks',
        '--endpoint',
        unreadable.api.url,
      ],
      TOKEN_ENV,
    );
    noRawError(r.stdout + r.stderr);
    expect(r.code).toBe(0);
    expect(unreadable.api.received.some((x) => x.method === 'PUT')).toBe(true);
  });
});

describe('update --covered, against the stateful fake of Live', () => {
  const fleet = fleetCloudPerTest();
  const start = (options: Partial<FakeCloudOptions> = {}): Promise<FakeCloud> =>
    fleet.start({ domains: [...playDomains(30, fleet.pki.read('old.crt')), ...OTHER_DOMAINS], ...options });

  /** The pull domains, status on, of `*.example.com` (one label): what the wildcard covers. */
  const COVERED = playDomains(30, '')
    .filter((d) => d.status === 'on')
    .map((d) => d.domain);

  const covered = (fake: FakeCloud, ...more: string[]) =>
    runInProcess(
      [
        'update',
        '--covered',
        '--cert',
        fleet.pki.path('wild-chain.crt'),
        '--key',
        fleet.pki.path('wild.key'),
        '--endpoint',
        fake.liveUrl,
        ...more,
      ],
      FLEET_ENV,
    );

  interface Result {
    domain: string;
    status: string;
    reason?: string;
    dryRun?: boolean;
    request?: { method: string; url: string };
  }

  beforeAll(() =>
    writeFileSync(fleet.pki.path('wild-chain.crt'), fleet.pki.read('wild.crt') + fleet.pki.read('int.crt')),
  );

  it('writes exactly to the covered pull domains with status on; the others are skipped, each with its reason', async () => {
    const fake = await start();
    const r = await covered(fake, '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; summary: Record<string, number>; results: Result[] };
    expect(domainsOf(fake, 'UpdateDomainHttpsCert').sort()).toEqual([...COVERED].sort());
    expect(fake.calls('ShowDomain')).toHaveLength(1);
    // No inventory of certificates: the deployed one is read per target, as update compares it.
    expect(fake.calls('ShowCertificateInfo')).toHaveLength(0);
    expect(domainsOf(fake, 'ShowDomainHttpsCert').sort()).toEqual([...COVERED].sort());
    for (const domain of COVERED)
      expect(fake.domains.get(domain)!.config?.['certificate']).toBe(
        fleet.pki.read('wild.crt') + fleet.pki.read('int.crt'),
      );
    expect(fake.domains.get('d001.example.com')!.config?.['certificate']).toBe(fleet.pki.read('old.crt'));

    expect(doc.summary).toMatchObject({ total: 33, ok: COVERED.length, failed: 0, skipped: 33 - COVERED.length });
    const skipped = Object.fromEntries(
      doc.results.filter((x) => x.status === 'skipped').map((x) => [x.domain, x.reason]),
    );
    expect(skipped).toEqual({
      'd001.example.com': 'status is off, not on',
      'd011.example.com': 'status is off, not on',
      'd021.example.com': 'status is off, not on',
      'd002.example.com': 'status is configuring, not on',
      'd012.example.com': 'status is configuring, not on',
      'd022.example.com': 'status is configuring, not on',
      'push.example.com': 'a push domain serves no play HTTPS',
      'play.other.example.org': 'not covered by the certificate (*.example.com)',
      'deep.a.example.com': 'not covered by the certificate (*.example.com)',
    });
  });

  it('a rerun writes nothing: every target is unchanged', async () => {
    const fake = await start();
    expect((await covered(fake)).code).toBe(0);
    const puts = fake.calls('UpdateDomainHttpsCert').length;
    const again = await covered(fake, '--json');
    expect(again.code).toBe(0);
    expect(fake.calls('UpdateDomainHttpsCert')).toHaveLength(puts);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ ok: 0, unchanged: COVERED.length });
  });

  it('--dry-run lists the targets (each with the request it would send) and the skipped, and writes nothing', async () => {
    const fake = await start();
    const r = await covered(fake, '--dry-run', '--json');
    expect(r.code, r.stderr).toBe(0);
    const results = (JSON.parse(r.stdout) as { results: Result[] }).results;
    const targets = results.filter((x) => x.status === 'ok');
    expect(targets.map((x) => x.domain).sort()).toEqual([...COVERED].sort());
    for (const t of targets) {
      expect(t).toMatchObject({ dryRun: true, request: { method: 'PUT' } });
      expect(new URL(t.request!.url).searchParams.get('domain')).toBe(t.domain);
    }
    expect(results.filter((x) => x.status === 'skipped')).toHaveLength(9);
    expect(fake.received.filter((x) => x.method !== 'GET')).toEqual([]);
    expect(r.stdout).not.toContain(fleet.pki.read('wild.key').split('\n')[1]);

    const text = await covered(fake, '--dry-run');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\nd000\.example\.com\s+ok\s+dry run: would upload \(certificate/);
    expect(text.stdout).toMatch(/\npush\.example\.com\s+skipped\s+a push domain serves no play HTTPS\n/);
    expect(fake.calls('UpdateDomainHttpsCert')).toHaveLength(0);
  });

  it('a certificate of one name covers that one domain; a project with no covered domain skips them all, exit 0', async () => {
    const fake = await start();
    makeCert(fleet.pki, { name: 'd003', domains: ['d003.example.com'], days: 60 });
    const one = await runInProcess(
      [
        'update',
        '--covered',
        '--cert',
        fleet.pki.path('d003.crt'),
        '--key',
        fleet.pki.path('d003.key'),
        '--skip-checks',
      ],
      { ...FLEET_ENV, HUAWEICLOUD_SDK_ENDPOINT: fake.liveUrl },
    );
    expect(one.code, one.stderr).toBe(0);
    expect(domainsOf(fake, 'UpdateDomainHttpsCert')).toEqual(['d003.example.com']);

    const none = await runInProcess(
      [
        'update',
        '--covered',
        '--cert',
        fleet.pki.path('other.crt'),
        '--key',
        fleet.pki.path('other.key'),
        '--skip-checks',
        '--json',
      ],
      { ...FLEET_ENV, HUAWEICLOUD_SDK_ENDPOINT: fake.liveUrl },
    );
    expect(none.code).toBe(0);
    // other.example.org is not play.other.example.org: nothing is covered.
    expect(JSON.parse(none.stdout).summary).toMatchObject({ total: 33, skipped: 33, ok: 0 });
    expect(domainsOf(fake, 'UpdateDomainHttpsCert')).toEqual(['d003.example.com']);
  });

  it('a project with no domain: an empty report, exit 0', async () => {
    const fake = await start({ domains: [] });
    const text = await covered(fake);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('0 of 0 succeeded');
    const json = await covered(fake, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ results: [], ok: true, summary: { total: 0 } });
    expect(fake.calls('ShowDomain')).toHaveLength(2);
  });

  it('--covered with --domain or --domains-file is refused (exit 2, a typed error) before anything is sent', async () => {
    const fake = await start();
    writeFileSync(fleet.pki.path('domains.txt'), 'd000.example.com\n');
    for (const named of [
      ['--domain', 'd000.example.com'],
      ['--domains-file', fleet.pki.path('domains.txt')],
    ]) {
      const r = await covered(fake, ...named, '--json');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `error: --covered takes the domains from the project; it cannot be combined with ${named[0]}`,
      );
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { name: 'UsageError', exitCode: 2 } });
    }
    expect(fake.received).toEqual([]);
  });

  it('--covered without a certificate to read names from (--scm-cert-id) is refused before anything is sent', async () => {
    const fake = await start();
    const r = await runInProcess(
      ['update', '--covered', '--scm-cert-id', 'scs1700000000000', '--endpoint', fake.liveUrl],
      FLEET_ENV,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--covered picks the domains the certificate covers: give the certificate with --cert');
    expect(fake.received).toEqual([]);
  });

  it('a ShowDomain answer naming something that is not a domain gets no request: skipped with why', async () => {
    // One left label under example.com, so *.example.com covers it as a name; but no domain has a space.
    const odd = 'not a domain';
    const fake = await start({
      domains: [{ domain: 'd000.example.com', domain_type: 'pull', status: 'on' }],
      intercept: (req) =>
        req.operation === 'ShowDomain'
          ? {
              status: 200,
              body: {
                total: 2,
                domain_info: [
                  { domain: 'd000.example.com', domain_type: 'pull', status: 'on' },
                  { domain: `${odd}.example.com`, domain_type: 'pull', status: 'on' },
                ],
              },
            }
          : undefined,
    });
    const r = await covered(fake, '--json');
    expect(r.code, r.stderr).toBe(0);
    const results = (JSON.parse(r.stdout) as { results: Result[] }).results;
    expect(results.find((x) => x.domain === `${odd}.example.com`)).toMatchObject({
      status: 'skipped',
      reason: 'the name ShowDomain gave is not a valid domain name',
    });
    expect(domainsOf(fake, 'UpdateDomainHttpsCert')).toEqual(['d000.example.com']);
    expect(domainsOf(fake, 'ShowDomainHttpsCert')).toEqual(['d000.example.com']);
  });

  it('--help shows --covered and the three ways to name domains', async () => {
    const r = await runInProcess(['update', '--help']);
    expect(r.stdout).toContain('live-https-cert update (--domain D ... | --domains-file FILE | --covered)');
    expect(r.stdout).toMatch(/--covered +every pull domain, status on, that the certificate covers/);
  });
});

describe('update --via-ccm, against the stateful fake of Live and CCM', () => {
  const f = ccmFixturePerTest();
  const keyLine = () => f.pki.read('wild.key').split('\n')[1]!;

  it('imports once, binds every domain by cert_id without the key; a rerun imports and writes nothing', async () => {
    const r = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm', '--json'], f.env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const imports = f.cloud.calls('ImportCertificate');
    expect(imports).toHaveLength(1);
    // The key is sent once: in the import.
    expect(imports[0]!.body.toString()).toContain(keyLine());
    const name = imports[0]!.json?.['name'] as string;
    expect(name).toMatch(/^lhc-[0-9a-f]{32}$/);
    const imported = f.cloud.ccm.find((c) => c.name === name)!;
    const puts = f.cloud.calls('UpdateDomainHttpsCert');
    expect(puts.map((p) => domainOf(p.url)).sort()).toEqual(['a.example.com', 'b.example.com', 'c.example.com']);
    for (const put of puts) {
      expect(put.json?.['tls_certificate']).toEqual({ source: 'scm', cert_id: imported.id, cert_name: name });
      expect(put.body.toString()).not.toMatch(/PRIVATE KEY|certificate_key/);
      expect(put.body.toString()).not.toContain(keyLine());
    }
    // force_redirect as deployed (the API resets it when a PUT leaves it out).
    expect(puts.find((p) => domainOf(p.url) === 'a.example.com')?.json?.['force_redirect']).toBe(true);
    // CCM is signed with the account id, as the official SDK's GlobalCredentials do.
    for (const call of [...imports, ...f.cloud.calls('ListCertificates')]) {
      expect(call.headers['x-domain-id']).toBe(DOMAIN_ID);
      expect(call.headers['x-project-id']).toBeUndefined();
    }
    const doc = JSON.parse(r.stdout) as { results: { status: string; ccm: Record<string, unknown> }[] };
    expect(doc.results.map((x) => x.status)).toEqual(['ok', 'ok', 'ok']);
    expect(doc.results[0]!.ccm).toMatchObject({ certName: name, certId: imported.id, action: 'imported' });
    expect(r.stdout).not.toContain(keyLine());

    const again = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm', '--json'], f.env());
    expect(again.code).toBe(0);
    expect(f.cloud.calls('ImportCertificate')).toHaveLength(1);
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(3);
    const second = JSON.parse(again.stdout) as { results: { status: string; ccm: Record<string, unknown> }[] };
    expect(second.results.map((x) => [x.status, x.ccm['action']])).toEqual([
      ['unchanged', 'reused'],
      ['unchanged', 'reused'],
      ['unchanged', 'reused'],
    ]);
  });

  it('saves each domain setting before its write: one 0600 file each, in a 0700 directory, no key', async () => {
    const r = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm'], f.env());
    expect(r.code).toBe(0);
    const dir = join(f.stateHome, 'live-https-cert');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['a.example.com.json', 'b.example.com.json', 'c.example.com.json']);
    for (const file of files) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).not.toMatch(/PRIVATE KEY/);
      expect(text).not.toContain(keyLine());
      expect(text).not.toContain(f.pki.read('old.key').split('\n')[1]!);
    }
    const saved = (file: string) =>
      (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { entries: Record<string, unknown>[] }).entries;
    expect(saved('a.example.com.json')).toEqual([
      expect.objectContaining({
        certificate: { kind: 'scm', certId: f.oldId, certName: 'old-in-ccm' },
        forceRedirect: true,
      }),
    ]);
    expect(saved('b.example.com.json')[0]!['certificate']).toMatchObject({ kind: 'uploaded' });
    expect(saved('c.example.com.json')[0]!['certificate']).toEqual({ kind: 'none' });
  });

  it('a state directory that cannot be written stops the write: nothing is sent to that domain', async () => {
    // A file where the directory should be: no directory can be made there.
    const blocker = join(f.stateHome, 'a-file');
    writeFileSync(blocker, '');
    const r = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm'],
      f.env(blocker),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('could not save the rollback state of a.example.com');
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(0);
  });

  it('--dry-run shows the import (key redacted) and the bindings, and sends no change', async () => {
    const r = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm', '--dry-run', '--json'], f.env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(f.cloud.calls('ImportCertificate')).toHaveLength(0);
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(0);
    expect(r.stdout).not.toContain(keyLine());
    const doc = JSON.parse(r.stdout) as {
      results: {
        ccm: { action: string; request?: { body: Record<string, unknown> } };
        request: { body: Record<string, unknown> };
      }[];
    };
    for (const result of doc.results) {
      expect(result.ccm.action).toBe('would import');
      expect(result.ccm.request!.body['private_key']).toMatch(/^\[REDACTED private key/);
      expect(result.request.body['tls_certificate']).toMatchObject({
        source: 'scm',
        cert_id: '(assigned by CCM at import)',
      });
      expect(JSON.stringify(result.request.body)).not.toMatch(/certificate_key|PRIVATE KEY/);
    }
    // As text: the import first, then the binding.
    const text = await runInProcess(
      ['update', '--domain', 'c.example.com', ...f.certificate, '--via-ccm', '--dry-run'],
      f.env(),
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('this CCM import would be sent once for the run');
    expect(text.stdout).toContain('POST ');
    expect(text.stdout).toContain('[REDACTED private key');
    expect(text.stdout).not.toContain(keyLine());
    expect(text.stdout.indexOf('/v3/scm/certificates/import')).toBeLessThan(text.stdout.indexOf('PUT '));

    // Once the certificate is in CCM, the dry run reuses it and shows no import.
    await runInProcess(['update', '--domain', 'c.example.com', ...f.certificate, '--via-ccm'], f.env());
    const reused = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', '--dry-run', '--json'],
      f.env(),
    );
    const [only] = (JSON.parse(reused.stdout) as { results: { ccm: Record<string, unknown> }[] }).results;
    expect(only!.ccm).toMatchObject({ action: 'reused' });
    expect(only!.ccm['request']).toBeUndefined();
    expect(f.cloud.calls('ImportCertificate')).toHaveLength(1);
  });

  it('refuses what cannot go through CCM, before anything is sent', async () => {
    const cases: [string[], string][] = [
      [['--via-ccm', '--scm-cert-id', 'scs1'], 'not both'],
      [['--via-ccm', '--verify', '--rollback-on-failure', '--scm-cert-id', 'x'], 'not both'],
      [['--rollback-on-failure'], '--rollback-on-failure needs --verify'],
      [['--domain-id', DOMAIN_ID], '--domain-id is for --via-ccm'],
    ];
    for (const [flags, message] of cases) {
      const r = await runInProcess(['update', '--domain', 'a.example.com', ...f.certificate, ...flags], f.env());
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    const noCert = await runInProcess(
      ['update', '--domain', 'a.example.com', '--via-ccm', '--endpoint', f.cloud.liveUrl],
      f.env(),
    );
    expect(noCert.code).toBe(2);
    expect(noCert.stderr).toContain('--via-ccm needs --cert FILE --key FILE');
    const badId = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', '--domain-id', 'not-an-id'],
      f.env(),
    );
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('domainId');
    expect(f.cloud.received).toEqual([]);
  });
});

describe('update --verify --rollback-on-failure, against the stateful fake of Live and CCM', () => {
  const f = ccmFixturePerTest();
  const tls = (domain: string) => f.cloud.domains.get(domain)!.config?.['tls_certificate'] as Record<string, unknown>;

  let edge: SniServer;
  beforeEach(async () => {
    // The edge keeps serving the old certificate: the deployment did not take.
    edge = await startSniServer({ cert: f.pki.read('old.crt'), key: f.pki.read('old.key') });
  });
  afterEach(async () => {
    await edge.stop();
  });
  const verifying = () => ['--verify', '--connect', `127.0.0.1:${edge.port}`, '--wait', '1s', '--rollback-on-failure'];

  it('puts the previous cert_id back when the domain serves another certificate within --wait', async () => {
    const r = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', ...verifying(), '--json'],
      f.env(),
    );
    expect(r.code).toBe(4);
    const [result] = JSON.parse(r.stdout).results;
    expect(result.verify).toMatchObject({ matched: false });
    expect(result.rollback).toMatchObject({ action: 'restored', restored: { certId: f.oldId } });
    const puts = f.cloud.calls('UpdateDomainHttpsCert');
    expect(puts).toHaveLength(2);
    expect(puts[1]!.json?.['tls_certificate']).toMatchObject({ cert_id: f.oldId });
    expect(tls('a.example.com')).toMatchObject({ cert_id: f.oldId });

    const text = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', ...verifying()],
      f.env(),
    );
    expect(text.code).toBe(4);
    expect(text.stderr).toContain(`rolled back to cert_id ${f.oldId}`);
  });

  it('serves the new one: nothing is rolled back; an uploaded PEM before says it could not be', async () => {
    edge.serve('a.example.com', f.pki.read('wild.crt') + f.pki.read('int.crt'), f.pki.read('wild.key'));
    const ok = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', ...verifying()],
      f.env(),
    );
    expect(ok.code).toBe(0);
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(1);

    const pem = await runInProcess(
      ['update', '--domain', 'b.example.com', ...f.certificate, '--via-ccm', ...verifying(), '--json'],
      f.env(),
    );
    expect(pem.code).toBe(4);
    expect(JSON.parse(pem.stdout).results[0].rollback).toMatchObject({
      action: 'not-restorable',
      reason: expect.stringContaining('uploaded PEM'),
    });
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(2);
  });
});
