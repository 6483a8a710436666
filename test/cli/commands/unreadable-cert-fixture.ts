// A certificate with an unreadable validity date, as a file, from a hostile API (a verifying server
// that returns it as the deployed one) and for a TLS server to present: check, status, update and
// verify meet it; show's tests of input files that never end use the same API.
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { makeCert, newPki, type Pki } from '../../support/certs.js';
import { startVerifyingServer, type VerifyingServer } from '../../support/verifying-server.js';

const TOKEN = 'UNREADABLE-CERT-IAM-TOKEN-0123456789ab';
export const TOKEN_ENV = {
  HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN,
  HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};

/** The certificate with its notAfter (the second UTCTime) overwritten by letters: node parses it, its validTo is "Bad time value". */
function withUnreadableNotAfter(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  let seen = 0;
  for (let i = 0; i < der.length - 15; i++) {
    if (der[i] === 0x17 && der[i + 1] === 13 && ++seen === 2) {
      Buffer.from('ZZZZZZZZZZZZZ').copy(der, i + 2);
      break;
    }
  }
  return `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
}

export interface UnreadableCert {
  /** leaf.crt and leaf.key (play.example.com) and bad.crt, the leaf with the unreadable date. */
  readonly pki: Pki;
  readonly badPem: string;
  /** Answers every GET with bad.crt deployed, every other method with 204. */
  readonly api: VerifyingServer;
}

/** Registers the hooks that make the certificates and start the API for the file (or describe block). */
export function unreadableCert(): UnreadableCert {
  let pki: Pki | undefined;
  let badPem = '';
  let api: VerifyingServer | undefined;
  beforeAll(async () => {
    pki = newPki();
    makeCert(pki, { name: 'leaf', domains: ['play.example.com'], days: 60 });
    badPem = withUnreadableNotAfter(pki.read('leaf.crt'));
    writeFileSync(pki.path('bad.crt'), badPem);
    expect(new X509Certificate(badPem).validTo).toBe('Bad time value');
    api = await startVerifyingServer({
      tokens: [TOKEN],
      reply: (r) =>
        r.method === 'GET'
          ? {
              status: 200,
              body: { certificate_format: 'PEM', certificate: badPem, certificate_key: '', force_redirect: false },
            }
          : { status: 204 },
    });
  });
  afterAll(async () => {
    await api?.stop();
    pki?.cleanup();
  });
  return {
    get pki() {
      return pki!;
    },
    get badPem() {
      return badPem;
    },
    get api() {
      return api!;
    },
  };
}

/** No raw exception text: the date is a finding, not a crash. */
export const noRawError = (text: string) =>
  expect(text).not.toMatch(/Invalid time value|RangeError|TypeError|\n {4}at /);
