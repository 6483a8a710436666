// Internationalised domain names (issue 16.4): converted to A-labels (punycode) once, where the
// domains are read, for every command; the library converts where it compares or sends SNI.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflight } from '../../src/check/index.js';
import { normalizeDomain, summarizePem, uniqueDomains, verifyServed } from '../../src/ops/index.js';
import { addReviewCerts, type Pki, standardPki } from '../support/certs.js';
import { startSniServer } from '../support/tls-server.js';
import { startVerifyingServer } from '../support/verifying-server.js';
import { runInProcess } from '../support/run-cli.js';

const UNICODE = 'bücher.example.com';
const ASCII = 'xn--bcher-kva.example.com';
let pki: Pki;
beforeAll(() => {
  pki = standardPki();
  addReviewCerts(pki);
  writeFileSync(pki.path('idn-chain.crt'), pki.read('idn.crt') + pki.read('int.crt'));
});
afterAll(() => pki.cleanup());

describe('normalizeDomain', () => {
  it.each([
    ['Bücher.Example.COM.', ASCII],
    [` ${UNICODE} `, ASCII],
    ['bücher。example。com', ASCII],
    ['faß.de', 'xn--fa-hia.de'],
    ['Play.Example.com.', 'play.example.com'],
  ])('%s -> %s', (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it('duplicates compare as A-labels', () => {
    expect(uniqueDomains([UNICODE, ASCII, 'BÜCHER.example.com.'])).toEqual([ASCII]);
  });
});

describe('check', () => {
  it('the library: a certificate for the A-label covers the Unicode name', () => {
    const report = preflight(UNICODE, { certificate: pki.read('idn-chain.crt'), certificate_key: pki.read('idn.key') });
    expect(report.ok).toBe(true);
    expect(report.certificate?.coversDomain).toBe(true);
  });

  it('the CLI: --domain bücher.example.com is checked (and reported) as its A-label', async () => {
    const r = await runInProcess([
      'check',
      '--domain',
      UNICODE,
      '--cert',
      pki.path('idn-chain.crt'),
      '--key',
      pki.path('idn.key'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout).results[0];
    expect(result).toMatchObject({ domain: ASCII, status: 'ok' });
  });

  it('a Unicode name IDNA refuses is a usage error that says so', async () => {
    const r = await runInProcess([
      'check',
      '--domain',
      'a\u200d.example.com',
      '--cert',
      pki.path('idn-chain.crt'),
      '--key',
      pki.path('idn.key'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a valid internationalised domain name');
  });
});

describe('verify sends the A-label as SNI', () => {
  it('the library', async () => {
    const tls = await startSniServer({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    try {
      tls.serve(ASCII, pki.read('idn-chain.crt'), pki.read('idn.key'));
      const r = await verifyServed({
        domain: UNICODE,
        host: '127.0.0.1',
        port: tls.port,
        expectedFingerprint: summarizePem(pki.read('idn.crt'))!.fingerprint256,
      });
      expect(tls.servernames).toEqual([ASCII]);
      expect(r).toMatchObject({ matched: true, served: { coversDomain: true } });
    } finally {
      await tls.stop();
    }
  });

  it('the CLI: verify --domain bücher.example.com', async () => {
    const tls = await startSniServer({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    try {
      tls.serve(ASCII, pki.read('idn-chain.crt'), pki.read('idn.key'));
      const r = await runInProcess([
        'verify',
        '--domain',
        UNICODE,
        '--cert',
        pki.path('idn-chain.crt'),
        '--connect',
        `127.0.0.1:${tls.port}`,
      ]);
      expect(tls.servernames).toEqual([ASCII]);
      expect(r.code).toBe(0);
    } finally {
      await tls.stop();
    }
  });
});

describe('the API is asked about the A-label', () => {
  it.each([['status'], ['show']])('%s --domain bücher.example.com', async (command) => {
    const AK = 'IDNDOMAINAK';
    const SK = 'idn-domain-secret-key-0123456789';
    const server = await startVerifyingServer({
      keys: { [AK]: SK },
      deployed: { [ASCII]: { certificate_format: 'PEM', certificate: pki.read('idn-chain.crt'), certificate_key: '' } },
    });
    try {
      const r = await runInProcess([command!, '--domain', UNICODE, '--endpoint', server.url], {
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      });
      expect(r.code).toBe(0);
      expect(server.received.map((x) => new URL(x.url, 'http://x').searchParams.get('domain'))).toEqual([ASCII]);
      expect(r.stdout).toContain(ASCII);
    } finally {
      await server.stop();
    }
  });
});
