// The local chain is parsed once per command, not several times per domain: every X.509 parse of
// a 100-domain run of the CLI (in process, against the verifying server) is counted.
import type * as Crypto from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Pki, standardPki } from '../support/certs.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';
import { runInProcess } from '../support/run-cli.js';

const parses = vi.hoisted(() => ({ count: 0, keys: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  class CountingX509Certificate extends actual.X509Certificate {
    constructor(...args: ConstructorParameters<typeof actual.X509Certificate>) {
      super(...args);
      parses.count++;
    }
  }
  const createPrivateKey: typeof actual.createPrivateKey = (key) => {
    parses.keys++;
    return actual.createPrivateKey(key);
  };
  const counting = { X509Certificate: CountingX509Certificate, createPrivateKey };
  return { ...actual, default: { ...actual, ...counting }, ...counting };
});

const AK = 'PARSEONCEAK';
const SK = 'parse-once-secret-key-0123456789';
const DOMAINS = Array.from({ length: 100 }, (_, i) => `d${i}.example.com`);
let pki: Pki;
let server: VerifyingServer;

beforeAll(async () => {
  pki = standardPki();
  writeFileSync(pki.path('wild-chain.crt'), pki.read('wild.crt') + pki.read('int.crt'));
  // The intermediate twice: --fix-chain drops the copy, and still parses the file once.
  writeFileSync(pki.path('wild-copy.crt'), pki.read('wild.crt') + pki.read('int.crt') + pki.read('int.crt'));
  writeFileSync(pki.path('domains.txt'), `${DOMAINS.join('\n')}\n`);
  server = await startVerifyingServer({ keys: { [AK]: SK }, deployed: {} });
});
afterAll(async () => {
  await server.stop();
  pki.cleanup();
});

/** Runs a command in process: the X.509 and key parses it made, and its JSON summary. */
async function counted(args: string[], offline = false) {
  parses.count = 0;
  parses.keys = 0;
  // check reads --domain only, and sends nothing.
  const where = offline
    ? DOMAINS.flatMap((d) => ['--domain', d])
    : ['--domains-file', pki.path('domains.txt'), '--endpoint', server.url];
  const r = await runInProcess([...args, ...where, '--json'], {
    HUAWEICLOUD_SDK_AK: AK,
    HUAWEICLOUD_SDK_SK: SK,
    HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  });
  const document = JSON.parse(r.stdout) as { summary: Record<string, number> };
  return { parses: parses.count, keys: parses.keys, summary: document.summary };
}

const files = (cert = 'wild-chain.crt') => ['--cert', pki.path(cert), '--key', pki.path('wild.key')];

describe('X.509 parses of a 100-domain run (a chain of 2 certificates)', () => {
  it('check: the local chain once', async () => {
    const r = await counted(['check', ...files()], true);
    expect(r.summary).toMatchObject({ total: 100, ok: 100 });
    expect(r).toMatchObject({ parses: 2, keys: 1 });
  });

  it('update with nothing deployed: the local chain once', async () => {
    const r = await counted(['update', ...files()]);
    expect(r.summary).toMatchObject({ total: 100, ok: 100 });
    expect(r).toMatchObject({ parses: 2, keys: 1 });
  });

  it('update again (unchanged): the local chain once, each deployed chain once', async () => {
    const r = await counted(['update', ...files()]);
    expect(r.summary).toMatchObject({ total: 100, unchanged: 100 });
    expect(r).toMatchObject({ parses: 2 + 100 * 2, keys: 1 });
  });

  it('update --fix-chain: the chain put right from the one parse (unchanged: the copy is dropped)', async () => {
    const r = await counted(['update', ...files('wild-copy.crt'), '--fix-chain']);
    expect(r.summary).toMatchObject({ total: 100, unchanged: 100 });
    expect(r).toMatchObject({ parses: 3 + 100 * 2, keys: 1 });
  });

  it('deploy-hook: the coverage and the uploads share the one parse', async () => {
    const r = await counted(['deploy-hook', ...files()]);
    expect(r.summary).toMatchObject({ total: 100, unchanged: 100 });
    expect(r).toMatchObject({ parses: 2 + 100 * 2, keys: 1 });
  });

  it('status: each deployed chain once', async () => {
    const r = await counted(['status']);
    expect(r.summary).toMatchObject({ total: 100, ok: 100 });
    expect(r).toMatchObject({ parses: 100 * 2, keys: 0 });
  });
});
