// "Covers the domain" is one rule for check and ops: the DNS names of the leaf's subjectAltName,
// RFC 6125 wildcards of one whole left label, no CN fallback (browsers ignore the CN).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflight } from '../../src/check/index.js';
import { coveredDomains, dnsNames, nameCovers, readCertificateChain, statusOf } from '../../src/ops/index.js';
import { addReviewCerts, makeCert, type Pki, standardPki } from '../support/certs.js';
import { runInProcess } from '../support/run-cli.js';

let pki: Pki;
beforeAll(() => {
  pki = standardPki();
  addReviewCerts(pki);
  // A partial wildcard: Node's checkHost accepts it by default, RFC 6125 (and browsers) do not.
  makeCert(pki, {
    name: 'partial',
    domains: ['f*.example.com'],
    days: 60,
    issuer: { cert: 'int.crt', key: 'int.key' },
  });
});
afterAll(() => pki.cleanup());

const chainOf = (name: string) => pki.read(`${name}.crt`) + pki.read('int.crt');
const domainFinding = (name: string, domain: string) =>
  preflight(domain, { certificate: chainOf(name), certificate_key: pki.read(`${name}.key`) }).findings.find(
    (f) => f.check === 'domain',
  );

// Issue 16.1: such a leaf passed check ("covers play.example.com") and status ("covers domain: yes").
describe('a leaf without a subjectAltName (its name in the CN only) covers nothing', () => {
  it('check: a domain error that names the missing SAN and the ignored CN', () => {
    const report = preflight('play.example.com', {
      certificate: chainOf('nosan'),
      certificate_key: pki.read('nosan.key'),
    });
    expect(report.ok).toBe(false);
    expect(domainFinding('nosan', 'play.example.com')).toMatchObject({
      status: 'failed',
      severity: 'error',
      message:
        'does not cover play.example.com: the certificate has no DNS name in its subjectAltName, and browsers ignore ' +
        'the subject (CN=play.example.com); reissue it with the domain in its subjectAltName',
    });
    expect(report.certificate).toMatchObject({ names: [], coversDomain: false });
  });

  it('status: covers no, and attention says why', () => {
    const s = statusOf('play.example.com', { certificate: chainOf('nosan') });
    expect(s.certificate).toMatchObject({ names: [], coversDomain: false });
    expect(s.attention).toEqual([expect.stringContaining('has no DNS name in its subjectAltName')]);
  });

  it('deploy-hook coverage skips every domain; dnsNames reads the SAN only', () => {
    expect(coveredDomains(chainOf('nosan'), ['play.example.com'])).toEqual({
      covered: [],
      skipped: [{ domain: 'play.example.com', reason: expect.stringContaining('no DNS name in its subjectAltName') }],
    });
    expect(dnsNames(undefined, 'CN=play.example.com')).toEqual([]);
  });

  it('the CLI: check exits 2; the finding is printed', async () => {
    const r = await runInProcess([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('nosan.crt'),
      '--key',
      pki.path('nosan.key'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('has no DNS name in its subjectAltName');
  });
});

describe('check and ops give the same answer for the same certificate', () => {
  it.each([
    ['wild', 'a.example.com', true],
    ['wild', 'A.Example.COM.', true],
    ['wild', 'a.b.example.com', false],
    ['wild', 'example.com', false],
    ['leaf', 'www.example.com', true],
    ['leaf', 'live.example.net', false],
    ['partial', 'foo.example.com', false],
    ['nosan', 'play.example.com', false],
    ['idn', 'bücher.example.com', true],
    ['idn', 'xn--bcher-kva.example.com', true],
  ])('%s for %s: %s', (name, domain, covered) => {
    const pem = chainOf(name);
    expect(domainFinding(name, domain)?.status).toBe(covered ? 'passed' : 'failed');
    expect(statusOf(domain, { certificate: pem }).certificate?.coversDomain).toBe(covered);
    expect(coveredDomains(pem, [domain]).covered).toEqual(covered ? [domain] : []);
    const chain = readCertificateChain(pem);
    expect(chain.covers(domain)).toBe(covered);
    expect(chain.names.some((n) => nameCovers(n, domain))).toBe(covered);
  });
});
