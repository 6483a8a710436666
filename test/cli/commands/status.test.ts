// live-https-cert status, in process against the stateful fake of Live: --all reads every play
// domain's certificate from ShowCertificateInfo (a call per 100 domains, no GET per domain);
// --domain keeps its per-domain detail (against the verifying server too: expiry, attention, every
// field, a deployed certificate whose date cannot be read).
import { describe, expect, it } from 'vitest';
import type { FakeCloud, FakeCloudOptions, FakeDomain } from '../../support/fake-cloud.js';
import { FLEET_ENV, fleetCloudPerTest, OTHER_DOMAINS, playDomains } from '../../support/fleet-fixture.js';
import { runInProcess } from '../../support/run-cli.js';
import { noRawError, TOKEN_ENV, unreadableCert } from './unreadable-cert-fixture.js';
import { deployablePkiForBlock, deployedConfig, ENV, verifyingServerPerTest } from './verifying-fixture.js';

const fleet = fleetCloudPerTest();

/** `count` play domains with the 60-day wildcard, except every 50th with the 20-day one. */
async function start(
  count: number,
  extra: FakeDomain[] = OTHER_DOMAINS,
  ccm: FakeCloudOptions['ccm'] = [],
): Promise<FakeCloud> {
  const domains = playDomains(count, fleet.pki.read('wild.crt'));
  for (let i = 0; i < count; i += 50)
    domains[i]!.config = { ...domains[i]!.config, certificate: fleet.pki.read('old.crt') };
  return await fleet.start({ domains: [...domains, ...extra], ccm });
}

interface StatusResult {
  domain: string;
  status: string;
  daysLeft: number | null;
  expireTime: string | null;
  source: string | null;
  attention: string[];
  needsAttention: boolean;
}

const all = (fake: FakeCloud, ...more: string[]) =>
  runInProcess(['status', '--all', '--endpoint', fake.liveUrl, ...more], FLEET_ENV);

describe('status --all', () => {
  it.each([
    [99, 1],
    [100, 1],
    [101, 2],
    [250, 3],
  ])(
    '%i play domains: %i ShowCertificateInfo call(s) of limit=100, no ShowDomain, no GET per domain',
    async (count, calls) => {
      const fake = await start(count);
      const r = await all(fake, '--json');
      expect(r.stderr).toBe('');
      const doc = JSON.parse(r.stdout) as { results: StatusResult[]; summary: { total: number } };
      expect(doc.summary.total).toBe(count);
      expect(new Set(doc.results.map((x) => x.domain)).size).toBe(count);
      expect(fake.calls('ShowCertificateInfo')).toHaveLength(calls);
      expect(
        fake.calls('ShowCertificateInfo').map((c) => new URL(c.url, 'http://x').searchParams.get('limit')),
      ).toEqual(Array(calls).fill('100'));
      expect(fake.calls('ShowDomainHttpsCert')).toHaveLength(0);
      expect(fake.calls('ShowDomain')).toHaveLength(0);
    },
  );

  it('--warn-days flags the certificates expiring within it, with exit 4; a window they all clear exits 0', async () => {
    const fake = await start(120);
    const warned = await all(fake, '--warn-days', '30', '--json');
    expect(warned.code).toBe(4);
    const doc = JSON.parse(warned.stdout) as { ok: boolean; results: StatusResult[] };
    expect(doc.ok).toBe(false);
    const flagged = doc.results.filter((x) => x.needsAttention).map((x) => x.domain);
    expect(flagged.sort()).toEqual(['d000.example.com', 'd050.example.com', 'd100.example.com']);
    expect(doc.results.find((x) => x.domain === 'd050.example.com')).toMatchObject({
      status: 'failed',
      source: 'user',
      daysLeft: expect.any(Number),
      attention: [expect.stringMatching(/^expires in 1\d day\(s\) \(within 30\)$/)],
    });
    expect(doc.results.find((x) => x.domain === 'd051.example.com')).toMatchObject({
      status: 'ok',
      needsAttention: false,
      attention: [],
    });

    const clear = await all(fake, '--warn-days', '10', '--json');
    expect(clear.code).toBe(0);
    expect((JSON.parse(clear.stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('as text: a row per domain with days left and source, the attention rows marked, the counts at the end', async () => {
    const fake = await start(12, OTHER_DOMAINS, [
      { name: 'old-in-ccm', certificate: fleet.pki.read('wild.crt'), private_key: fleet.pki.read('wild.key') },
    ]);
    // A domain bound to a CCM certificate: its validity and cert_id come from CCM.
    const old = fake.ccm[0]!;
    fake.domains.get('d004.example.com')!.config = {
      tls_certificate: { source: 'scm', cert_id: old.id, cert_name: old.name },
    };
    const r = await all(fake);
    expect(r.code).toBe(4);
    const row = (d: string) => r.stdout.split('\n').find((l) => l.startsWith(`${d} `)) ?? '';
    expect(row('d000.example.com')).toMatch(/failed\s+ATTENTION: expires in \d+ day\(s\) \(within 30\); \d+ days left/);
    expect(row('d003.example.com')).toMatch(/ok\s+\d+ days left \(until \S+Z\), source user$/);
    expect(row('d004.example.com')).toContain(`source scm (cert_id ${old.id}, old-in-ccm)`);
    expect(r.stdout).toMatch(/\n\d+ of 12 succeeded .*, \d+ failed, 0 skipped\n$/);
  });

  it('a domain with an SM pair beside its international certificate: a row for each, told apart by certType', async () => {
    const fake = await fleet.start({
      domains: [],
      intercept: (req) => {
        if (req.operation !== 'ShowCertificateInfo') return undefined;
        const row = (expire: string, cert_type: 0 | 1, gm_cert_type?: 1 | 2) => ({
          play_domain: 'gm.example.com',
          expire_time: expire,
          source: 'user',
          cert_type,
          ...(gm_cert_type ? { gm_cert_type } : {}),
        });
        return {
          status: 200,
          body: {
            total: 3,
            certificates_info: [
              row('2099-01-01T00:00:00Z', 0),
              row('2000-01-01T00:00:00Z', 1, 1),
              row('2099-01-01T00:00:00Z', 1, 2),
            ],
          },
        };
      },
    });
    const r = await all(fake, '--json');
    expect(r.code).toBe(4);
    const results = (JSON.parse(r.stdout) as { results: (StatusResult & { certType: string })[] }).results;
    expect(results.map((x) => [x.domain, x.certType, x.status])).toEqual([
      ['gm.example.com', 'international', 'ok'],
      ['gm.example.com', 'sm-sign', 'failed'],
      ['gm.example.com', 'sm-enc', 'ok'],
    ]);
    const text = await all(fake);
    expect(text.stdout).toMatch(
      /gm\.example\.com\s+failed\s+ATTENTION: expired \d+ day\(s\) ago; .*, SM signature certificate\n/,
    );
  });

  it('no play domain with a certificate: says so, exit 0, and --json gives an empty result list', async () => {
    const fake = await start(0, [{ domain: 'push.example.com', domain_type: 'push', status: 'on' }]);
    const text = await all(fake);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No play domain of this project has a certificate');
    const json = await all(fake, '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      results: [],
      ok: true,
      summary: { total: 0, ok: 0, unchanged: 0, failed: 0, skipped: 0 },
    });
  });

  it('--all with --domain or --domains-file is refused (exit 2) before anything is sent', async () => {
    const fake = await start(3);
    for (const named of [
      ['--domain', 'd000.example.com'],
      ['--domains-file', '/nonexistent/domains.txt'],
    ]) {
      const r = await all(fake, ...named, '--json');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--all takes the domains from the project; it cannot be combined with ${named[0]}`);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { name: 'UsageError', exitCode: 2 } });
    }
    expect(fake.received).toEqual([]);
  });

  it('a wrong --warn-days is refused (exit 2) before anything is sent', async () => {
    const fake = await start(3);
    const r = await all(fake, '--warn-days', 'soon');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--warn-days soon: give a whole number of days');
    expect(fake.received).toEqual([]);
  });
});

describe('status --domain', () => {
  it('keeps its per-domain detail: one GET per domain, no inventory call', async () => {
    const fake = await start(5);
    const r = await runInProcess(
      ['status', '--domain', 'd000.example.com', '--endpoint', fake.liveUrl, '--warn-days', '30'],
      FLEET_ENV,
    );
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^d000\.example\.com\n {2}subject: {8}CN=\*\.example\.com\n/);
    expect(r.stdout).toContain('  covers domain:  yes');
    expect(fake.calls('ShowDomainHttpsCert')).toHaveLength(1);
    expect(fake.calls('ShowCertificateInfo')).toHaveLength(0);
  });

  it('--help shows --all and the domain forms', async () => {
    const r = await runInProcess(['status', '--help']);
    expect(r.stdout).toContain('live-https-cert status (--domain D ... | --domains-file FILE | --all)');
    expect(r.stdout).toContain('--all ');
  });
});

describe('status --domain against a server that keeps the configuration', () => {
  const certs = deployablePkiForBlock();
  const live = verifyingServerPerTest();

  it('a certificate 10 days from expiry with --warn-days 30: exit 4, every field in --json', async () => {
    const endpoint = await live.store({ 'soon.example.com': deployedConfig(certs, 'soon-chain.crt', true) });
    const r = await runInProcess(['status', '--domain', 'soon.example.com', '--warn-days', '30', ...endpoint], ENV);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/ATTENTION: +expires in 9 days/);
    const json = JSON.parse(
      (await runInProcess(['status', '--domain', 'soon.example.com', '--warn-days', '30', '--json', ...endpoint], ENV))
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
    const relaxed = await runInProcess(
      ['status', '--domain', 'soon.example.com', '--warn-days', '5', ...endpoint],
      ENV,
    );
    expect(relaxed.code).toBe(0);
  });

  it('a fleet: no certificate and not covering need attention; the healthy one is ok; source scm shows cert_id', async () => {
    const endpoint = await live.store({
      'play.example.com': deployedConfig(certs, 'chain.crt', false),
      'other.example.net': deployedConfig(certs, 'chain.crt', false),
      'scm.example.com': {
        certificate_format: 'PEM',
        certificate: '',
        certificate_key: '',
        force_redirect: false,
        tls_certificate: { source: 'scm', cert_id: 'scs1700000000001', cert_name: 'prod' },
      },
    });
    const r = await runInProcess(
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

describe('status of a deployed certificate whose validity date cannot be read', () => {
  const unreadable = unreadableCert();

  it('status of a deployed one: attention "cannot be read", exit 4 (not exit 1, "the API refused")', async () => {
    const r = await runInProcess(
      ['status', '--domain', 'play.example.com', '--endpoint', unreadable.api.url],
      TOKEN_ENV,
    );
    noRawError(r.stdout + r.stderr);
    expect(r.stdout).toMatch(/cannot be read/);
    expect(r.code).toBe(4);
  });
});
