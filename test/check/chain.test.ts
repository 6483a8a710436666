// Complete chains: a CA-issued leaf alone (certbot's cert.pem) is refused; a reversed chain is one
// finding, and fixChainOrder puts it right; a certificate that is not part of the leaf's chain
// (a copy, a second cross-signed version, an unrelated one) is named, to remove, and --fix-chain drops it.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixChainOrder, preflight, type CheckReport, type Finding } from '../../src/check/index.js';
import { addReviewCerts, type Pki, standardPki } from '../support/certs.js';
import { startVerifyingServer } from '../support/verifying-server.js';
import { runInProcess } from '../support/run-cli.js';

let pki: Pki;
beforeAll(() => {
  pki = standardPki();
  addReviewCerts(pki);
});
afterAll(() => pki.cleanup());

const failed = (report: CheckReport) =>
  report.findings.filter((f) => f.status === 'failed' && f.severity === 'error').map((f) => f.check);
const find = (report: CheckReport, check: Finding['check']) =>
  report.findings.find((f) => f.check === check && f.subject === 'tls');
const tls = (cert: string, key = 'leaf.key', domain = 'play.example.com') =>
  preflight(domain, { certificate: pki.read(cert), certificate_key: pki.read(key) });
/** The PEM text of these files, one after the other. */
const bundle = (...files: string[]) => files.map((f) => pki.read(f)).join('');
const bundleCheck = (files: string[], key = 'leaf.key') =>
  preflight('play.example.com', { certificate: bundle(...files), certificate_key: pki.read(key) });
const messages = (report: CheckReport) => report.findings.map((f) => f.message).join('\n');

describe('chain-complete', () => {
  it('a CA-issued leaf without its intermediate (cert.pem) is an error that names fullchain.pem', () => {
    const report = tls('leaf.crt');
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(['chain-complete']);
    expect(find(report, 'chain-complete')?.message).toContain('fullchain.pem');
    expect(find(report, 'chain-complete')?.message).toContain('Test Intermediate CA');
  });

  it('the leaf with its intermediate (fullchain.pem) passes', () => {
    const report = tls('chain.crt');
    expect(report.ok).toBe(true);
    expect(find(report, 'chain-complete')?.status).toBe('passed');
  });

  it('a self-signed certificate alone is complete', () => {
    const report = tls('rsa.crt', 'rsa.pkcs1.key', 'rsa.example.com');
    expect(find(report, 'chain-complete')?.status).toBe('passed');
    expect(report.ok).toBe(true);
  });
});

describe('a reversed chain', () => {
  it('is one finding, "chain reversed: the leaf must come first", with no knock-on failures', () => {
    const report = tls('reversed.crt');
    expect(failed(report)).toEqual(['chain-order']);
    expect(find(report, 'chain-order')?.message).toMatch(/^chain reversed: the leaf must come first/);
    expect(find(report, 'chain-order')?.message).toContain('--fix-chain');
    expect(find(report, 'key-matches')?.status).toBe('passed');
    expect(find(report, 'domain')?.status).toBe('passed');
    expect(report.certificate?.subject).toContain('play.example.com');
  });

  it('fixChainOrder puts the leaf first and says so; a right chain is left alone', () => {
    const fixed = fixChainOrder(pki.read('reversed.crt'));
    expect(fixed).toMatchObject({ changed: true, reordered: true, removed: [] });
    expect(fixed.pem).toBe(pki.read('chain.crt'));
    expect(tls('chain.crt').ok).toBe(true);
    expect(fixChainOrder(pki.read('chain.crt'))).toEqual({
      pem: pki.read('chain.crt'),
      changed: false,
      reordered: false,
      removed: [],
    });
  });
});

// Issue 16.3: the leaf is first in each of these, so "put the leaf first" (what they got) was wrong.
describe('extra certificates in the chain: named, to remove; --fix-chain drops them', () => {
  it('the same intermediate cross-signed by an old and a new root: the second version is named', () => {
    const report = bundleCheck(['crossleaf.crt', 'cross-new.crt', 'cross-old.crt'], 'crossleaf.key');
    expect(failed(report)).toEqual(['chain-extra']);
    expect(find(report, 'chain-order')?.status).toBe('passed');
    expect(find(report, 'chain-complete')?.status).toBe('passed');
    expect(find(report, 'chain-extra')?.message).toBe(
      'certificate 3 (CN=Cross-signed Intermediate CA, issued by CN=Old Root CA) is a second version of certificate 2 ' +
        '(issued by CN=New Root CA): the same CA cross-signed by another root, and the chain needs one: remove it (--fix-chain drops it)',
    );
    expect(messages(report)).not.toContain('put the leaf first');
    const fixed = fixChainOrder(bundle('crossleaf.crt', 'cross-new.crt', 'cross-old.crt'));
    expect(fixed).toMatchObject({
      changed: true,
      reordered: false,
      removed: [expect.stringMatching(/^certificate 3 /)],
    });
    expect(fixed.pem).toBe(bundle('crossleaf.crt', 'cross-new.crt'));
  });

  it('an intermediate twice: the copy is named', () => {
    const report = bundleCheck(['leaf.crt', 'int.crt', 'int.crt']);
    expect(failed(report)).toEqual(['chain-extra']);
    expect(find(report, 'chain-extra')?.message).toBe(
      'certificate 3 (CN=Test Intermediate CA) is a copy of certificate 2: remove it (--fix-chain drops it)',
    );
    expect(fixChainOrder(bundle('leaf.crt', 'int.crt', 'int.crt')).pem).toBe(pki.read('chain.crt'));
  });

  it('an unrelated certificate after the chain: named as not part of it', () => {
    const report = bundleCheck(['leaf.crt', 'int.crt', 'unrelated.crt']);
    expect(failed(report)).toEqual(['chain-extra']);
    expect(find(report, 'chain-extra')?.message).toBe(
      "certificate 3 (CN=unrelated.example.net) is not part of the leaf's chain: it issues none of its certificates: remove it (--fix-chain drops it)",
    );
    expect(messages(report)).not.toContain('put the leaf first');
    expect(fixChainOrder(bundle('leaf.crt', 'int.crt', 'unrelated.crt')).pem).toBe(pki.read('chain.crt'));
  });

  it('the leaf and an unrelated certificate: that one named, and the missing issuer', () => {
    const report = bundleCheck(['leaf.crt', 'unrelated.crt']);
    expect(failed(report)).toEqual(['chain-extra', 'chain-complete']);
    expect(find(report, 'chain-extra')?.message).toMatch(/^certificate 2 \(CN=unrelated\.example\.net\) is not part/);
    expect(messages(report)).not.toContain('put the leaf first');
  });

  it('an unrelated certificate before the leaf: the private key tells the leaf; reordered and dropped', () => {
    const report = bundleCheck(['unrelated.crt', 'leaf.crt', 'int.crt']);
    expect(failed(report)).toEqual(['chain-extra']);
    expect(find(report, 'chain-extra')?.message).toMatch(/^certificate 1 \(CN=unrelated\.example\.net\)/);
    expect(find(report, 'key-matches')?.status).toBe('passed');
    expect(report.certificate?.subject).toBe('CN=play.example.com');
  });

  it('more certificates than a chain can have (33) are not linked: one finding, the first is the leaf', () => {
    const many = [pki.read('leaf.crt'), ...Array.from({ length: 32 }, () => pki.read('int.crt'))].join('');
    const report = preflight('play.example.com', { certificate: many, certificate_key: pki.read('leaf.key') });
    expect(failed(report)).toEqual(['chain-order']);
    expect(find(report, 'chain-order')?.message).toMatch(/^the file holds 33 certificates, too many to be one chain/);
    expect(find(report, 'chain-complete')?.status).toBe('not-checked');
    expect(report.certificate?.subject).toBe('CN=play.example.com');
    expect(fixChainOrder(many).changed).toBe(false);
  });

  it('update --fix-chain uploads the leaf and its issuer only, with a note of what it removed; check without it refuses', async () => {
    const AK = 'CHAINFIXAK';
    const SK = 'chain-fix-secret-key-0123456789';
    const server = await startVerifyingServer({ keys: { [AK]: SK }, deployed: {} });
    try {
      writeFileSync(pki.path('cross-both.crt'), bundle('crossleaf.crt', 'cross-new.crt', 'cross-old.crt'));
      const files = ['--cert', pki.path('cross-both.crt'), '--key', pki.path('crossleaf.key')];
      const checked = await runInProcess(['check', '--domain', 'play.example.com', ...files]);
      expect(checked.code).toBe(2);
      expect(checked.stdout).toContain('chain-extra');
      expect(checked.stdout).toContain('certificate 3 (CN=Cross-signed Intermediate CA, issued by CN=Old Root CA)');
      const env = {
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      };
      const r = await runInProcess(
        ['update', '--domain', 'play.example.com', ...files, '--fix-chain', '--endpoint', server.url],
        env,
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        'removed from the chain (--fix-chain): certificate 3 (CN=Cross-signed Intermediate CA',
      );
      const put = server.received.find((x) => x.method === 'PUT')!;
      expect(JSON.parse(put.body.toString()).certificate).toBe(bundle('crossleaf.crt', 'cross-new.crt'));
    } finally {
      await server.stop();
    }
  });
});
