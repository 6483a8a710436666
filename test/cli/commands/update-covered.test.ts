// live-https-cert update --covered, in process against the stateful fake of Live: the targets are
// the project's pull domains, status on, that the certificate's subjectAltName covers; every other
// domain is listed as skipped with why, and only the targets are written.
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, type Pki, standardPki } from '../../support/certs.js';
import { type FakeCloud, startFakeCloud } from '../../support/fake-cloud.js';
import {
  domainsOf,
  FLEET_AK,
  FLEET_ENV,
  FLEET_PROJECT_ID,
  FLEET_SK,
  OTHER_DOMAINS,
  playDomains,
} from '../../support/fleet-fixture.js';
import { runInProcess } from '../../support/run-cli.js';

let pki: Pki;
let cloud: FakeCloud | undefined;

beforeAll(() => {
  pki = standardPki();
  makeCert(pki, { name: 'old', domains: ['*.example.com'], days: 20 });
});
afterEach(async () => {
  await cloud?.stop();
  cloud = undefined;
});
afterAll(() => pki.cleanup());

async function start(options: Partial<Parameters<typeof startFakeCloud>[0]> = {}): Promise<FakeCloud> {
  cloud = await startFakeCloud({
    keys: { [FLEET_AK]: FLEET_SK },
    projectId: FLEET_PROJECT_ID,
    domains: [...playDomains(30, pki.read('old.crt')), ...OTHER_DOMAINS],
    ...options,
  });
  return cloud;
}

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
      pki.path('wild-chain.crt'),
      '--key',
      pki.path('wild.key'),
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

beforeAll(() => writeFileSync(pki.path('wild-chain.crt'), pki.read('wild.crt') + pki.read('int.crt')));

describe('update --covered', () => {
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
      expect(fake.domains.get(domain)!.config?.['certificate']).toBe(pki.read('wild.crt') + pki.read('int.crt'));
    expect(fake.domains.get('d001.example.com')!.config?.['certificate']).toBe(pki.read('old.crt'));

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
    expect(r.stdout).not.toContain(pki.read('wild.key').split('\n')[1]);

    const text = await covered(fake, '--dry-run');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\nd000\.example\.com\s+ok\s+dry run: would upload \(certificate/);
    expect(text.stdout).toMatch(/\npush\.example\.com\s+skipped\s+a push domain serves no play HTTPS\n/);
    expect(fake.calls('UpdateDomainHttpsCert')).toHaveLength(0);
  });

  it('a certificate of one name covers that one domain; a project with no covered domain skips them all, exit 0', async () => {
    const fake = await start();
    makeCert(pki, { name: 'd003', domains: ['d003.example.com'], days: 60 });
    const one = await runInProcess(
      ['update', '--covered', '--cert', pki.path('d003.crt'), '--key', pki.path('d003.key'), '--skip-checks'],
      { ...FLEET_ENV, HUAWEICLOUD_SDK_ENDPOINT: fake.liveUrl },
    );
    expect(one.code, one.stderr).toBe(0);
    expect(domainsOf(fake, 'UpdateDomainHttpsCert')).toEqual(['d003.example.com']);

    const none = await runInProcess(
      [
        'update',
        '--covered',
        '--cert',
        pki.path('other.crt'),
        '--key',
        pki.path('other.key'),
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
    writeFileSync(pki.path('domains.txt'), 'd000.example.com\n');
    for (const named of [
      ['--domain', 'd000.example.com'],
      ['--domains-file', pki.path('domains.txt')],
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
