// The leaf's key as browsers judge it (issue 16.2): RSA under 2048 bits is an error; Ed25519 (and
// other types mainstream browsers do not accept for a server certificate) a warning that says so.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflight, type CheckReport } from '../../src/check/index.js';
import { addReviewCerts, type Pki, standardPki } from '../support/certs.js';
import { runInProcess } from '../support/run-cli.js';

let pki: Pki;
beforeAll(() => {
  pki = standardPki();
  addReviewCerts(pki);
});
afterAll(() => pki.cleanup());

const check = (name: string, domain = 'play.example.com', chain = true) =>
  preflight(domain, {
    certificate: pki.read(`${name}.crt`) + (chain ? pki.read('int.crt') : ''),
    certificate_key: pki.read(name === 'rsa' ? 'rsa.pkcs1.key' : `${name}.key`),
  });
const keyType = (report: CheckReport) => report.findings.find((f) => f.check === 'key-type' && f.subject === 'tls');
const failed = (report: CheckReport) =>
  report.findings.filter((f) => f.status === 'failed').map((f) => `${f.severity} ${f.check}`);

describe('key type of the leaf', () => {
  it('RSA of 1024 bits: an error, nothing else wrong', () => {
    const report = check('rsa1024');
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(['error key-type']);
    expect(keyType(report)?.message).toBe(
      'RSA key of 1024 bits: browsers and CAs require at least 2048; reissue with RSA 2048 (or larger) or ECDSA P-256',
    );
  });

  it('Ed25519: a warning that browsers do not accept it; the upload is not blocked', () => {
    const report = check('ed25519');
    expect(report.ok).toBe(true);
    expect(failed(report)).toEqual(['warning key-type']);
    expect(keyType(report)?.message).toBe(
      'Ed25519 key: mainstream browsers (Chrome, Firefox, Safari) do not accept it for a server certificate; use ECDSA P-256 or RSA 2048 (or larger)',
    );
    expect(report.findings.find((f) => f.check === 'key-matches')?.status).toBe('passed');
  });

  it('ECDSA P-256 and RSA 2048 pass', () => {
    expect(keyType(check('leaf'))).toMatchObject({ status: 'passed', message: 'ECDSA P-256 key' });
    expect(keyType(check('rsa', 'rsa.example.com', false))).toMatchObject({
      status: 'passed',
      message: 'RSA key of 2048 bits',
    });
  });

  it('SM (GM) certificates are not judged by browser rules', () => {
    const report = preflight('gm.example.com', {
      gm_certificate: {
        source: 'user',
        sign_certificate: pki.read('sm2-sign.crt'),
        sign_certificate_key: pki.read('sm2-sign.key'),
        enc_certificate: pki.read('sm2-enc.crt'),
        enc_certificate_key: pki.read('sm2-enc.key'),
      },
    });
    expect(report.findings.filter((f) => f.check === 'key-type')).toEqual([]);
  });

  it('the CLI: check exits 2 on RSA 1024 and names the check; a warning on Ed25519', async () => {
    for (const name of ['rsa1024', 'ed25519'])
      writeFileSync(pki.path(`${name}-chain.crt`), pki.read(`${name}.crt`) + pki.read('int.crt'));
    const run = (name: string) =>
      runInProcess([
        'check',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path(`${name}-chain.crt`),
        '--key',
        pki.path(`${name}.key`),
      ]);
    const rsa = await run('rsa1024');
    expect(rsa.code).toBe(2);
    expect(rsa.stdout).toContain('RSA key of 1024 bits');
    const ed = await run('ed25519');
    expect(ed.code).toBe(0);
    expect(ed.stdout).toContain('Ed25519 key: mainstream browsers');
  });
});
