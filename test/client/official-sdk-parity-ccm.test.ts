// CCM's two calls sent twice to the stateful fake's CCM endpoint on 127.0.0.1: once by the official
// Python SDK (huaweicloudsdkscm with GlobalCredentials(ak, sk, domain_id), pinned in .python-sdk/)
// and once by this client. Header by header the requests must agree (the signed date, the
// signature, the User-Agent and the connection headers aside): X-Domain-Id signed, no
// X-Project-Id. Both must pass the fake's signature check.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveClient } from '../../src/index.js';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { type FakeCloud, type FakeReceived, startFakeCloud } from '../support/fake-cloud.js';

const PYTHON = join(import.meta.dirname, '../../.python-sdk/bin/python');
const DRIVER = join(import.meta.dirname, '../support/python-sdk-driver.py');
const AK = 'CCMPARITYAK';
const SK = 'ccm-parity-secret-key-not-real';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const DOMAIN_ID = 'fedcba9876543210fedcba9876543210';
const FREE_VALUES = new Set(['x-sdk-date', 'user-agent', 'connection', 'keep-alive']);
const AUTHORIZATION = /^(\S+) Access=([^,]+), SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/;

let cloud: FakeCloud;
let pki: Pki;
let home: string;

beforeAll(async () => {
  if (!existsSync(PYTHON))
    throw new Error('the official Python SDK is not installed in .python-sdk/: run `npm run setup`');
  cloud = await startFakeCloud({ keys: { [AK]: SK }, projectId: PROJECT_ID, domainId: DOMAIN_ID, domains: [] });
  pki = newPki();
  makeCert(pki, { name: 'leaf', domains: ['play.example.com'], days: 60 });
  home = mkdtempSync(join(tmpdir(), 'python-sdk-home-'));
});
afterAll(async () => {
  await cloud?.stop();
  pki?.cleanup();
  if (home) rmSync(home, { recursive: true, force: true });
});

function runPython(input: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      PYTHON,
      [DRIVER],
      { env: { PATH: process.env['PATH'] ?? '', HOME: home, NO_PROXY: '*', no_proxy: '*' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

type Call =
  | { operation: 'ccm-import'; body: Record<string, string> }
  | { operation: 'ccm-list'; query: Record<string, unknown> };

async function official(call: Call): Promise<FakeReceived> {
  const before = cloud.received.length;
  const run = await runPython(
    JSON.stringify({ ak: AK, sk: SK, domain_id: DOMAIN_ID, endpoint: cloud.ccmUrl, ...call }),
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(cloud.received.length).toBe(before + 1);
  return cloud.received[before]!;
}

async function ours(call: Call): Promise<FakeReceived> {
  const before = cloud.received.length;
  const client = createLiveClient({
    projectId: PROJECT_ID,
    domainId: DOMAIN_ID,
    endpoints: { scm: cloud.ccmUrl },
    credentials: { accessKey: AK, secretKey: SK },
    retries: 0,
    proxy: false,
    env: {},
  });
  if (call.operation === 'ccm-import') await client.importCertificate({ body: call.body as never });
  else await client.listCertificates(call.query as never);
  expect(cloud.received.length).toBe(before + 1);
  return cloud.received[before]!;
}

function comparable(received: FakeReceived): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(received.headers)) {
    if (FREE_VALUES.has(name)) out[name] = '(present)';
    else if (name === 'authorization') {
      const match = AUTHORIZATION.exec(value);
      expect(match, `authorization: ${value}`).not.toBeNull();
      out[name] = `${match![1]} Access=${match![2]}, SignedHeaders=${match![3]}, Signature=(value)`;
    } else if (name === 'content-length') {
      expect(Number(value)).toBe(received.body.byteLength);
      out[name] = '(the body length)';
    } else out[name] = value;
  }
  return out;
}

async function expectSameRequest(call: Call): Promise<void> {
  const theirs = await official(call);
  const mine = await ours(call);
  expect(theirs.verdict).toBe('ok');
  expect(mine.verdict).toBe('ok');
  expect({ method: mine.method, url: mine.url }).toEqual({ method: theirs.method, url: theirs.url });
  expect(comparable(mine)).toEqual(comparable(theirs));
  expect(comparable(mine)['x-domain-id']).toBe(DOMAIN_ID);
  expect(comparable(mine)['authorization']).toMatch(/SignedHeaders=[^,]*x-domain-id/);
  expect(mine.headers['x-project-id']).toBeUndefined();
  const json = (r: FakeReceived) => (r.body.byteLength ? JSON.parse(r.body.toString('utf8')) : undefined);
  expect(json(mine)).toEqual(json(theirs));
}

describe('CCM requests match the official Python SDK (GlobalCredentials) header by header', () => {
  it('ListCertificates', async () => {
    await expectSameRequest({ operation: 'ccm-list', query: { limit: 50, offset: 0, content: 'lhc-0123' } });
  });

  it('ImportCertificate', async () => {
    await expectSameRequest({
      operation: 'ccm-import',
      body: { name: 'lhc-parity', certificate: pki.read('leaf.crt'), private_key: pki.read('leaf.key') },
    });
  });
});
