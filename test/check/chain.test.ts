// Complete chains: a CA-issued leaf alone (certbot's cert.pem) is refused; a reversed chain is one
// finding, and fixChainOrder puts it right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixChainOrder, preflight, type CheckReport, type Finding } from '../../src/check/index.js';
import { type Pki, standardPki } from '../support/certs.js';

let pki: Pki;
beforeAll(() => {
  pki = standardPki();
});
afterAll(() => pki.cleanup());

const failed = (report: CheckReport) =>
  report.findings.filter((f) => f.status === 'failed' && f.severity === 'error').map((f) => f.check);
const find = (report: CheckReport, check: Finding['check']) =>
  report.findings.find((f) => f.check === check && f.subject === 'tls');
const tls = (cert: string, key = 'leaf.key', domain = 'play.example.com') =>
  preflight(domain, { certificate: pki.read(cert), certificate_key: pki.read(key) });

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
    expect(fixed.changed).toBe(true);
    expect(fixed.pem).toBe(pki.read('chain.crt'));
    expect(tls('chain.crt').ok).toBe(true);
    expect(fixChainOrder(pki.read('chain.crt'))).toEqual({ pem: pki.read('chain.crt'), changed: false });
  });

  it('a chain whose blocks do not link stays an error', () => {
    const report = preflight('play.example.com', {
      certificate: pki.read('leaf.crt') + pki.read('other.crt'),
      certificate_key: pki.read('leaf.key'),
    });
    expect(failed(report)).toContain('chain-order');
  });
});
