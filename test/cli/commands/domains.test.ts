// live-https-cert domains, in process against the stateful fake of Live: every domain of the
// project, with the certificate of each play domain read a hundred at a time.
import { describe, expect, it } from 'vitest';
import type { FakeCloud, FakeCloudOptions } from '../../support/fake-cloud.js';
import { FLEET_ENV, fleetCloudPerTest, OTHER_DOMAINS, playDomains } from '../../support/fleet-fixture.js';
import { runInProcess } from '../../support/run-cli.js';

const fleet = fleetCloudPerTest();

const start = (options: Partial<FakeCloudOptions> = {}): Promise<FakeCloud> =>
  fleet.start({
    domains: [...playDomains(205, fleet.pki.read('old.crt')), ...OTHER_DOMAINS],
    ccm: [{ name: 'old-in-ccm', certificate: fleet.pki.read('old.crt'), private_key: fleet.pki.read('old.key') }],
    ...options,
  });

interface DomainResult {
  domain: string;
  status: string;
  type: string;
  domainStatus: string;
  cname: string | null;
  certificate: { expireTime: string | null; source: string | null; certId?: string } | null;
}

describe('domains', () => {
  it('lists every domain, with the certificates of all ShowCertificateInfo pages (205 play domains: 3 pages)', async () => {
    const fake = await start();
    const old = fake.ccm[0]!;
    // The last page's domain is bound to CCM: its cert_id comes from the third page.
    fake.domains.get('d204.example.com')!.config = {
      tls_certificate: { source: 'scm', cert_id: old.id, cert_name: old.name },
    };
    const r = await runInProcess(['domains', '--endpoint', fake.liveUrl, '--json'], FLEET_ENV);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      ok: boolean;
      summary: { total: number; ok: number };
      results: DomainResult[];
    };
    expect(doc.ok).toBe(true);
    expect(doc.summary).toMatchObject({ total: 208, ok: 208, failed: 0 });
    expect(doc.results.map((d) => d.domain).sort()).toEqual([...fake.domains.keys()].sort());
    const by = new Map(doc.results.map((d) => [d.domain, d]));
    expect(by.get('d000.example.com')).toMatchObject({
      status: 'ok',
      type: 'pull',
      domainStatus: 'on',
      cname: 'd000.example.com.c.cdnhwc1.com',
      certificate: { source: 'user', expireTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(by.get('d001.example.com')).toMatchObject({ domainStatus: 'off' });
    expect(by.get('d002.example.com')).toMatchObject({ domainStatus: 'configuring' });
    expect(by.get('d204.example.com')?.certificate).toEqual({
      source: 'scm',
      certId: old.id,
      certName: old.name,
      expireTime: new Date(old.expire_time).toISOString(),
      certType: 'international',
    });
    expect(by.get('push.example.com')).toMatchObject({ type: 'push', certificate: null });
    expect(by.get('deep.a.example.com')).toMatchObject({ type: 'pull', certificate: null });
    // One ShowDomain, ShowCertificateInfo a hundred at a time, no GET per domain.
    expect(fake.calls('ShowDomain')).toHaveLength(1);
    expect(fake.calls('ShowCertificateInfo').map((c) => new URL(c.url, 'http://x').searchParams.get('offset'))).toEqual(
      ['0', '100', '200'],
    );
    expect(fake.calls('ShowCertificateInfo').every((c) => c.url.includes('limit=100'))).toBe(true);
    expect(fake.calls('ShowDomainHttpsCert')).toHaveLength(0);
  });

  it('as text: a row per domain with type, status, expiry, source, cert_id and CNAME, then the counts', async () => {
    const fake = await start();
    const old = fake.ccm[0]!;
    fake.domains.get('d150.example.com')!.config = {
      tls_certificate: { source: 'scm', cert_id: old.id, cert_name: old.name },
    };
    const r = await runInProcess(['domains', '--endpoint', fake.liveUrl], FLEET_ENV);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^DOMAIN\s+TYPE\s+STATUS\s+CERTIFICATE EXPIRES\s+SOURCE\s+CERT_ID\s+CNAME$/);
    expect(lines.find((l) => l.startsWith('d150.example.com '))).toMatch(
      new RegExp(
        `^d150\\.example\\.com\\s+pull\\s+on\\s+\\S+Z\\s+scm\\s+${old.id}\\s+d150\\.example\\.com\\.c\\.cdnhwc1\\.com$`,
      ),
    );
    expect(lines.find((l) => l.startsWith('push.example.com '))).toMatch(
      /^push\.example\.com\s+push\s+on\s+-\s+-\s+-\s+push/,
    );
    expect(lines.find((l) => l.startsWith('deep.a.example.com '))).toMatch(/\s+none\s+-\s+-\s+/);
    expect(r.stdout).toContain('208 domains: 207 pull (205 with a certificate), 1 push\n');
  });

  it('server text is cleaned: a CNAME or cert_id with escapes and line breaks forges no row and no terminal sequence', async () => {
    const fake = await start({
      domains: [{ domain: 'play.example.com', domain_type: 'pull', status: 'on' }],
      intercept: (req) =>
        req.operation === 'ShowDomain'
          ? {
              status: 200,
              body: {
                total: 1,
                domain_info: [
                  {
                    domain: 'play.example.com',
                    domain_type: 'pull',
                    status: 'on',
                    domain_cname: 'cname.example.net\n\u001b[31mFORGED ROW\u001b[0m\u0007',
                  },
                ],
              },
            }
          : req.operation === 'ShowCertificateInfo'
            ? {
                status: 200,
                body: {
                  total: 1,
                  certificates_info: [
                    {
                      play_domain: 'play.example.com',
                      expire_time: '2030-01-01T00:00:00Z',
                      source: 'scm',
                      cert_id: 'scs1\r\nFORGED\u001b]0;title\u0007',
                    },
                  ],
                },
              }
            : undefined,
    });
    for (const json of [false, true]) {
      const r = await runInProcess(['domains', '--endpoint', fake.liveUrl, ...(json ? ['--json'] : [])], FLEET_ENV);
      expect(r.code, r.stderr).toBe(0);
      // eslint-disable-next-line no-control-regex
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('FORGED'))).toEqual([]);
      // The values are there, cleaned, not dropped.
      expect(r.stdout).toMatch(/cname\.example\.net FORGED ROW/);
      expect(r.stdout).toMatch(/scs1 {2}FORGED/);
    }
  });

  it("a play domain's international certificate is the one shown, whichever row ShowCertificateInfo lists first", async () => {
    const fake = await start({
      domains: [{ domain: 'gm.example.com', domain_type: 'pull', status: 'on' }],
      intercept: (req) =>
        req.operation === 'ShowCertificateInfo'
          ? {
              status: 200,
              body: {
                total: 3,
                certificates_info: [
                  {
                    play_domain: 'gm.example.com',
                    expire_time: '2031-01-01T00:00:00Z',
                    source: 'user',
                    cert_type: 1,
                    gm_cert_type: 1,
                  },
                  { play_domain: 'gm.example.com', expire_time: '2032-01-01T00:00:00Z', source: 'user', cert_type: 0 },
                  {
                    play_domain: 'gm.example.com',
                    expire_time: '2033-01-01T00:00:00Z',
                    source: 'user',
                    cert_type: 1,
                    gm_cert_type: 2,
                  },
                ],
              },
            }
          : undefined,
    });
    const r = await runInProcess(['domains', '--endpoint', fake.liveUrl, '--json'], FLEET_ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).results).toEqual([
      expect.objectContaining({
        domain: 'gm.example.com',
        certificate: { expireTime: '2032-01-01T00:00:00.000Z', source: 'user', certType: 'international' },
      }),
    ]);
  });

  it('a refused call is an error with the exit code of the API (1), and --json says ok: false', async () => {
    const fake = await start({
      intercept: (req) =>
        req.operation === 'ShowCertificateInfo'
          ? { status: 401, body: { error_code: 'LIVE.100011003', error_msg: 'not authorised' } }
          : undefined,
    });
    const r = await runInProcess(['domains', '--endpoint', fake.liveUrl, '--json'], FLEET_ENV);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { errorCode: 'LIVE.100011003' } });
    expect(r.stderr).toContain('LIVE.100011003');
    // The hint names the action of the call that was refused.
    expect(r.stderr).toContain('grant the IAM user the action live:domain:getCertificates in this project');
  });

  it('--help lists its options; the main help lists the command', async () => {
    const help = await runInProcess(['domains', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: live-https-cert domains');
    expect(help.stdout).toContain('--json');
    expect(help.stdout).toContain('ShowCertificateInfo');
    const main = await runInProcess(['--help']);
    expect(main.stdout).toMatch(/\n {2}domains +every Live domain of the project/);
    const bad = await runInProcess(['domains', '--domain', 'x.example.com']);
    expect(bad.code).toBe(2);
  });
});
