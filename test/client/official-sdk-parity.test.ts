// Each call is sent twice to one verifying server on 127.0.0.1: once by the official Python SDK
// (huaweicloudsdklive, pinned, installed by `npm run setup` into .python-sdk/) and once by this
// client. Header by header the two requests must agree, the values of the signed date, the
// signature, the User-Agent and the connection headers aside; both signatures must verify.
// Content-Length follows each body: the SDK's JSON has spaces after ':' and ',', ours none, so the
// bodies are compared as JSON.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveClient } from '../../src/index.js';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { type Received, startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const PYTHON = join(import.meta.dirname, '../../.python-sdk/bin/python');
const DRIVER = join(import.meta.dirname, '../support/python-sdk-driver.py');
const AK = 'PARITYTESTAK';
const SK = 'parity-test-secret-key-not-real';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const DOMAIN = 'play.example.com';
// Values that may differ: when the request was signed, the signature over it, who sent it, and
// how the connection is kept.
const FREE_VALUES = new Set(['x-sdk-date', 'user-agent', 'connection', 'keep-alive']);
const AUTHORIZATION = /^(\S+) Access=([^,]+), SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/;

let server: VerifyingServer;
let pki: Pki;
let home: string;

beforeAll(async () => {
  if (!existsSync(PYTHON)) {
    throw new Error('the official Python SDK is not installed in .python-sdk/: run `npm run setup`');
  }
  server = await startVerifyingServer({ keys: { [AK]: SK } });
  pki = newPki();
  makeCert(pki, { name: 'leaf', domains: [DOMAIN], days: 60 });
  // The SDK writes an application id under $HOME/.huaweicloud on import: keep it out of the real home.
  home = mkdtempSync(join(tmpdir(), 'python-sdk-home-'));
});

afterAll(async () => {
  await server?.stop();
  pki?.cleanup();
  if (home) rmSync(home, { recursive: true, force: true });
});

type Operation = 'update' | 'show' | 'delete';

/** The driver's output; async, as the server answering it runs in this process. */
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

async function sendWithPythonSdk(operation: Operation, body?: object): Promise<Received> {
  const before = server.received.length;
  const input = JSON.stringify({
    ak: AK,
    sk: SK,
    project_id: PROJECT_ID,
    endpoint: server.url,
    operation,
    domain: DOMAIN,
    body,
  });
  const run = await runPython(input);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(server.received.length).toBe(before + 1);
  return server.received[before]!;
}

async function sendWithClient(operation: Operation, body?: object): Promise<Received> {
  const before = server.received.length;
  const client = createLiveClient({
    endpoint: server.url,
    projectId: PROJECT_ID,
    credentials: { accessKey: AK, secretKey: SK },
    retries: 0,
    proxy: false,
  });
  if (operation === 'update') await client.updateDomainHttpsCert({ domain: DOMAIN, body: body as never });
  else if (operation === 'show') await client.showDomainHttpsCert({ domain: DOMAIN });
  else await client.deleteDomainHttpsCert({ domain: DOMAIN });
  expect(server.received.length).toBe(before + 1);
  return server.received[before]!;
}

/** Every header but the free ones, Authorization without its signature, Content-Length as "the body's length". */
function comparable(received: Received): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(received.headers)) {
    if (FREE_VALUES.has(name)) {
      out[name] = '(present)';
    } else if (name === 'authorization') {
      const match = AUTHORIZATION.exec(value);
      expect(match, `authorization: ${value}`).not.toBeNull();
      out[name] = `${match![1]} Access=${match![2]}, SignedHeaders=${match![3]}, Signature=(value)`;
    } else if (name === 'content-length') {
      expect(Number(value)).toBe(received.body.byteLength);
      out[name] = '(the body length)';
    } else {
      out[name] = value;
    }
  }
  return out;
}

async function expectSameRequest(operation: Operation, body?: object): Promise<void> {
  const official = await sendWithPythonSdk(operation, body);
  const ours = await sendWithClient(operation, body);
  expect(official.verdict).toBe('ok');
  expect(ours.verdict).toBe('ok');
  expect({ method: ours.method, url: ours.url }).toEqual({ method: official.method, url: official.url });
  expect(comparable(ours)).toEqual(comparable(official));
  const json = (r: Received) => (r.body.byteLength ? JSON.parse(r.body.toString('utf8')) : undefined);
  expect(json(ours)).toEqual(json(official));
}

describe('requests match the official Python SDK header by header', () => {
  it('update with a PEM certificate and key', async () => {
    await expectSameRequest('update', {
      certificate_format: 'PEM',
      certificate: pki.read('leaf.crt'),
      certificate_key: pki.read('leaf.key'),
      force_redirect: true,
    });
  });

  it('update with a certificate kept in SCM/CCM', async () => {
    await expectSameRequest('update', { tls_certificate: { source: 'scm', cert_id: 'scs1700000000001' } });
  });

  it('show', async () => {
    await expectSameRequest('show');
  });

  it('delete', async () => {
    await expectSameRequest('delete');
  });
});
