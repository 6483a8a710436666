// Refused credentials stop the sending: the gateway locks an access key for 5 minutes after 5
// refused signatures in a row, so after one refusal nothing more goes out with those credentials,
// for the library (sequential calls) and for a CLI fleet of any width.
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveClient,
  LiveApiError,
  LiveCredentialsRefusedError,
  type LiveClientOptions,
  type ProvidedCredentials,
} from '../../src/index.js';
import { runInProcess } from '../support/run-cli.js';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'REFUSEDTESTAK';
const SK = 'refused-test-right-secret-key';
const WRONG_SK = 'refused-test-wrong-secret-key';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';

let server: VerifyingServer | FaultServer | undefined;
let pki: Pki;
beforeAll(() => {
  pki = newPki();
  makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 90 });
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function client(url: string, overrides: Partial<LiveClientOptions> = {}) {
  return createLiveClient({
    projectId: PROJECT_ID,
    endpoint: url,
    credentials: { accessKey: AK, secretKey: WRONG_SK },
    ...overrides,
  });
}

describe('refused credentials (library)', () => {
  it('10 sequential calls with a wrong SK put at most 2 requests on the wire', async () => {
    const verifying = await startVerifyingServer({ keys: { [AK]: SK } });
    server = verifying;
    const live = client(verifying.url);
    const errors: unknown[] = [];
    for (let i = 0; i < 10; i++)
      errors.push(await live.showDomainHttpsCert({ domain: `d${i}.example.com` }).catch((e: unknown) => e));
    expect(verifying.received.length).toBeGreaterThanOrEqual(1);
    expect(verifying.received.length).toBeLessThanOrEqual(2);
    expect(errors[0]).toBeInstanceOf(LiveApiError);
    expect(live.credentialsState).toBe('refused');
    for (const error of errors.slice(1)) {
      expect(error).toBeInstanceOf(LiveCredentialsRefusedError);
      const message = (error as Error).message;
      expect(message).toMatch(/lock the access key for 5 minutes/);
      expect(message).toMatch(/AK and SK/);
      expect(message).toMatch(/clock/);
      expect(message).toMatch(/token/);
      expect(message).not.toContain(WRONG_SK);
    }
    // Every operation, and the typed client's raw fetch, is stopped alike.
    await expect(live.deleteDomainHttpsCert({ domain: 'x.example.com' })).rejects.toBeInstanceOf(
      LiveCredentialsRefusedError,
    );
    await expect(
      live.api.GET('/v1/{project_id}/guard/https-cert', {
        params: { path: { project_id: PROJECT_ID }, query: { domain: 'x.example.com' } },
      }),
    ).rejects.toBeInstanceOf(LiveCredentialsRefusedError);
    expect(verifying.received.length).toBeLessThanOrEqual(2);
  });

  it('a 401 without an error code refuses too; a new client sends again', async () => {
    const fault = await startFaultServer((_req, res) => res.writeHead(401).end('Unauthorized'));
    server = fault;
    const live = client(fault.url, { retries: 2 });
    await expect(live.showDomainHttpsCert({ domain: 'a.example.com' })).rejects.toBeInstanceOf(LiveApiError);
    await expect(live.showDomainHttpsCert({ domain: 'a.example.com' })).rejects.toBeInstanceOf(
      LiveCredentialsRefusedError,
    );
    expect(fault.count).toBe(1);
    await expect(client(fault.url).showDomainHttpsCert({ domain: 'a.example.com' })).rejects.toBeInstanceOf(
      LiveApiError,
    );
    expect(fault.count).toBe(2);
  });

  it.each(['APIG.0303', 'APIGW.0303'])('%s (signature expired) is re-signed once, then refuses', async (code) => {
    const fault = await startFaultServer((_req, res) =>
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: code, error_msg: 'The signature has expired' })),
    );
    server = fault;
    const live = client(fault.url);
    await expect(live.showDomainHttpsCert({ domain: 'a.example.com' })).rejects.toBeInstanceOf(LiveApiError);
    expect(fault.count).toBe(2);
    await expect(
      live.updateDomainHttpsCert({ domain: 'a.example.com', body: { certificate: 'x', certificate_key: 'y' } }),
    ).rejects.toBeInstanceOf(LiveCredentialsRefusedError);
    expect(fault.count).toBe(2);
  });

  it('a 401 with a service code (not the gateway refusing the key) does not stop the client', async () => {
    const fault = await startFaultServer((_req, res) =>
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: 'LIVE.100011003', error_msg: 'Unauthorized access to the interface' })),
    );
    server = fault;
    const live = client(fault.url);
    for (let i = 0; i < 3; i++)
      await expect(live.showDomainHttpsCert({ domain: 'a.example.com' })).rejects.toBeInstanceOf(LiveApiError);
    expect(fault.count).toBe(3);
    expect(live.credentialsState).not.toBe('refused');
  });

  it('a provider that returns other credentials opens the gate again', async () => {
    const verifying = await startVerifyingServer({ keys: { [AK]: SK } });
    server = verifying;
    let secretKey = WRONG_SK;
    // Short-lived answers, so the client asks the provider again on the next call.
    const provider = async (): Promise<ProvidedCredentials> => ({
      accessKey: AK,
      secretKey,
      expiresAt: new Date(Date.now() + 50),
    });
    const live = client(verifying.url, { credentials: provider });
    await expect(live.showDomainHttpsCert({ domain: 'a.example.com' })).rejects.toBeInstanceOf(LiveApiError);
    await new Promise((resolve) => setTimeout(resolve, 60));
    // The same (wrong) values again: still refused, nothing sent.
    await expect(live.showDomainHttpsCert({ domain: 'a.example.com' })).rejects.toBeInstanceOf(
      LiveCredentialsRefusedError,
    );
    expect(verifying.received.length).toBe(1);
    secretKey = SK;
    await new Promise((resolve) => setTimeout(resolve, 60));
    await expect(live.showDomainHttpsCert({ domain: 'a.example.com' })).resolves.toMatchObject({
      certificate_format: 'PEM',
    });
    expect(verifying.received.map((r) => r.verdict)).toEqual(['bad-signature', 'ok']);
    expect(live.credentialsState).toBe('accepted');
  });
});

describe('refused credentials (CLI fleet)', () => {
  const domains = Array.from({ length: 30 }, (_, i) => `d${i}.example.com`);

  it.each([
    ['update', ['--cert', 'CERT', '--key', 'KEY']],
    ['show', []],
    ['status', []],
  ])(
    '%s: a fleet of 30 at --concurrency 8 with a wrong SK puts at most 2 requests on the wire',
    async (command, extra) => {
      const verifying = await startVerifyingServer({ keys: { [AK]: SK } });
      server = verifying;
      const file = pki.path('domains.txt');
      writeFileSync(file, `${domains.join('\n')}\n`);
      const args = extra.map((a) => (a === 'CERT' ? pki.path('wild.crt') : a === 'KEY' ? pki.path('wild.key') : a));
      const r = await runInProcess(
        [
          command,
          '--domains-file',
          file,
          ...args,
          '--concurrency',
          '8',
          '--endpoint',
          verifying.url,
          '--project-id',
          PROJECT_ID,
          '--json',
        ],
        { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: WRONG_SK },
      );
      expect(verifying.received.length).toBeGreaterThanOrEqual(1);
      expect(verifying.received.length).toBeLessThanOrEqual(2);
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout) as {
        summary: { failed: number; skipped: number };
        results: { status: string; reason?: string }[];
      };
      expect(doc.summary.failed).toBe(1);
      expect(doc.summary.skipped).toBe(29);
      expect(
        doc.results
          .filter((x) => x.status === 'skipped')
          .every((x) => x.reason === 'not started: the credentials were refused'),
      ).toBe(true);
      expect(r.stdout + r.stderr).not.toContain(WRONG_SK);
    },
  );

  it('with the IAM project id lookup refused, nothing else is sent', async () => {
    const verifying = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [PROJECT_ID] } });
    server = verifying;
    const file = pki.path('domains-iam.txt');
    writeFileSync(file, `${domains.join('\n')}\n`);
    const r = await runInProcess(
      [
        'show',
        '--domains-file',
        file,
        '--concurrency',
        '8',
        '--endpoint',
        verifying.url,
        '--iam-endpoint',
        verifying.url,
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: WRONG_SK },
    );
    expect(r.code).toBe(1);
    expect(verifying.received.length).toBeLessThanOrEqual(2);
  });

  it('a fleet with the right SK sends its first request alone, then the rest', async () => {
    const times: number[] = [];
    const verifying = await startVerifyingServer({
      keys: { [AK]: SK },
      delayMs: 60,
      reply: () => {
        times.push(Date.now());
        return {
          status: 200,
          body: { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false },
        };
      },
    });
    server = verifying;
    const file = pki.path('domains-ok.txt');
    writeFileSync(file, `${domains.slice(0, 10).join('\n')}\n`);
    const r = await runInProcess(
      ['show', '--domains-file', file, '--concurrency', '8', '--endpoint', verifying.url, '--project-id', PROJECT_ID],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(0);
    expect(verifying.received.length).toBe(10);
    expect(verifying.received.every((x) => x.verdict === 'ok')).toBe(true);
    // The second request came only after the first was answered (60 ms later).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(55);
  });
});
