// The operations as TS scripts use them (live-https-cert/ops), on the verifying server and a TLS
// server with SNI on 127.0.0.1.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeLiveClient } from '../../src/node/index.js';
import {
  coveredDomains,
  domainStatus,
  nameCovers,
  readCompareWrite,
  renewedLineage,
  sameFingerprint,
  summarizePem,
  uniqueDomains,
  verifyServed,
} from '../../src/ops/index.js';
import { type Pki, standardPki } from '../support/certs.js';
import { startSniServer } from '../support/tls-server.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'OPSLIBAK';
const SK = 'ops-library-secret-key-0123456789';
let pki: Pki;
let server: VerifyingServer;

beforeAll(async () => {
  pki = standardPki();
  writeFileSync(pki.path('soon-chain.crt'), pki.read('soon.crt') + pki.read('int.crt'));
  server = await startVerifyingServer({ keys: { [AK]: SK }, deployed: {} });
});
afterAll(async () => {
  await server.stop();
  pki.cleanup();
});

const client = () =>
  createNodeLiveClient({
    projectId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    endpoint: server.url,
    credentials: { accessKey: AK, secretKey: SK },
  });

describe('names (RFC 6125: a wildcard is one whole left label)', () => {
  it.each([
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'A.Example.COM.', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['*.com', 'example.com', false],
    ['play.example.com', 'PLAY.example.com', true],
    ['play.example.com', 'www.example.com', false],
  ])('%s covers %s: %s', (name, domain, covers) => expect(nameCovers(name, domain)).toBe(covers));

  it('uniqueDomains compares case-insensitively without the trailing dot', () => {
    expect(uniqueDomains(['A.example.com.', 'a.example.com', 'b.example.com', ' B.EXAMPLE.COM '])).toEqual([
      'a.example.com',
      'b.example.com',
    ]);
  });

  it('coveredDomains splits Live domains by the renewed certificate; renewedLineage reads certbot', () => {
    const coverage = coveredDomains(pki.read('wild.crt'), ['a.example.com', 'a.b.example.com', 'example.org']);
    expect(coverage.covered).toEqual(['a.example.com']);
    expect(coverage.skipped.map((s) => s.domain)).toEqual(['a.b.example.com', 'example.org']);
    expect(
      renewedLineage({
        RENEWED_LINEAGE: '/etc/letsencrypt/live/example.com',
        RENEWED_DOMAINS: 'example.com *.example.com',
      }),
    ).toEqual({
      certificatePath: '/etc/letsencrypt/live/example.com/fullchain.pem',
      keyPath: '/etc/letsencrypt/live/example.com/privkey.pem',
      renewedDomains: ['example.com', '*.example.com'],
    });
    expect(renewedLineage({})).toBeUndefined();
  });
});

describe('readCompareWrite and domainStatus', () => {
  it('writes once, then finds it unchanged; keeps force_redirect; status reads it back', async () => {
    const body = { certificate: pki.read('chain.crt'), certificate_key: pki.read('leaf.key') };
    const first = await readCompareWrite({ client: client(), domain: 'play.example.com', body, forceRedirect: true });
    expect(first).toMatchObject({
      action: 'updated',
      deployed: { certificate: null, forceRedirect: false },
      local: { forceRedirect: true },
    });
    expect(first.differences.map((d) => d.field)).toContain('force_redirect');
    const second = await readCompareWrite({ client: client(), domain: 'play.example.com', body });
    expect(second).toMatchObject({ action: 'unchanged', differences: [], local: { forceRedirect: true } });
    const status = await domainStatus({ client: client(), domain: 'play.example.com' });
    expect(status).toMatchObject({
      source: 'user',
      forceRedirect: true,
      attention: [],
      certificate: { coversDomain: true, issuer: 'CN=Test Intermediate CA' },
    });
    expect(status.certificate?.fingerprint256).toBe(summarizePem(pki.read('leaf.crt'))?.fingerprint256);
    expect(JSON.stringify([first, second, status])).not.toContain('PRIVATE KEY');
  });

  it('status: attention within warnDays, none outside it', async () => {
    await readCompareWrite({
      client: client(),
      domain: 'soon.example.com',
      body: { certificate: pki.read('soon-chain.crt'), certificate_key: pki.read('soon.key') },
    });
    expect((await domainStatus({ client: client(), domain: 'soon.example.com', warnDays: 30 })).attention).toEqual([
      expect.stringMatching(/^expires in 9 days/),
    ]);
    expect((await domainStatus({ client: client(), domain: 'soon.example.com', warnDays: 7 })).attention).toEqual([]);
  });
});

describe('verifyServed', () => {
  it('compares the served leaf (SNI = the domain) with the expected fingerprint', async () => {
    const tls = await startSniServer({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    try {
      tls.serve('play.example.com', pki.read('chain.crt'), pki.read('leaf.key'));
      const expected = summarizePem(pki.read('leaf.crt'))!.fingerprint256;
      const ok = await verifyServed({
        domain: 'play.example.com',
        host: '127.0.0.1',
        port: tls.port,
        expectedFingerprint: expected.toLowerCase().replace(/:/g, ''),
      });
      expect(ok).toMatchObject({ matched: true, attempts: 1, served: { coversDomain: true } });
      const wrong = await verifyServed({
        domain: 'other.example.org',
        host: '127.0.0.1',
        port: tls.port,
        expectedFingerprint: expected,
        waitMs: 600,
        intervalMs: 200,
      });
      expect(wrong.matched).toBe(false);
      expect(wrong.attempts).toBeGreaterThan(1);
      expect(sameFingerprint(wrong.served!.fingerprint256, summarizePem(pki.read('other.crt'))!.fingerprint256)).toBe(
        true,
      );
      expect(tls.servernames).toEqual(expect.arrayContaining(['play.example.com', 'other.example.org']));
    } finally {
      await tls.stop();
    }
  });

  it('nothing listening: not matched, with the reason', async () => {
    const tls = await startSniServer({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    const port = tls.port;
    await tls.stop();
    const r = await verifyServed({ domain: 'play.example.com', host: '127.0.0.1', port, expectedFingerprint: 'AA' });
    expect(r).toMatchObject({ matched: false, attempts: 1 });
    expect(r.error).toContain('ECONNREFUSED');
  });
});
