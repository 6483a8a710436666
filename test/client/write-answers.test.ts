// What a successful update or delete may answer: the official SDKs ignore the body of a 2xx, and
// real gateways answer `{}` as often as nothing. An empty body or any JSON object is success (the
// object kept as `body`); HTML (a captive portal), an array or a scalar is not what the spec
// allows and stays a LiveResponseError. On every sender, and in the CLI (fleets too).
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLiveClient, type LiveClientOptions, LiveResponseError } from '../../src/index.js';
import { runInProcess } from '../support/run-cli.js';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const CREDENTIALS = { accessKey: 'WRITEANSWERSAK', secretKey: 'write-answers-secret-key' };
const BODY = { certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', certificate_key: 'k' };

let server: FaultServer | undefined;
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

type Answer = { status: number; type?: string; body: string };
const SHOW = JSON.stringify({ certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false });

async function serve(write: Answer): Promise<string> {
  server = await startFaultServer((req, res) => {
    const answer = req.method === 'GET' ? { status: 200, type: 'application/json', body: SHOW } : write;
    res.writeHead(answer.status, {
      'x-request-id': 'req-1',
      ...(answer.type ? { 'content-type': answer.type } : {}),
    });
    res.end(answer.body);
  });
  return server.url;
}

const SENDERS: [string, Partial<LiveClientOptions>][] = [
  ['node:http (default)', {}],
  ['a caller fetch', { fetch: (input, init) => fetch(input, init) }],
];

const OK: [string, Answer, Record<string, unknown> | undefined][] = [
  ['200 {}', { status: 200, type: 'application/json', body: '{}' }, {}],
  ['200 empty', { status: 200, body: '' }, undefined],
  [
    '200 an object with fields',
    { status: 200, type: 'application/json', body: '{"result":"ok","n":1}' },
    { result: 'ok', n: 1 },
  ],
  ['200 {} without a content type', { status: 200, body: '{}' }, {}],
];
const REFUSED: [string, Answer][] = [
  ['200 <html>', { status: 200, type: 'text/html', body: '<html><body>Login to the Wi-Fi</body></html>' }],
  ['200 a JSON array', { status: 200, type: 'application/json', body: '[]' }],
  ['200 a JSON scalar', { status: 200, type: 'application/json', body: '42' }],
  ['200 a JSON string', { status: 200, type: 'application/json', body: '"ok"' }],
];

describe.each(SENDERS)('update and delete answers (%s)', (_name, sender) => {
  const client = (url: string) =>
    createLiveClient({ projectId: PROJECT_ID, endpoint: url, credentials: CREDENTIALS, retries: 0, ...sender });

  it.each(OK)('update: %s is success', async (_what, answer, body) => {
    const live = client(await serve(answer));
    const result = await live.updateDomainHttpsCert({ domain: 'play.example.com', body: BODY });
    expect(result.requestId).toBe('req-1');
    expect(result.body).toEqual(body);
  });

  it.each([...OK, ['204', { status: 204, body: '' }, undefined] as const])(
    'delete: %s is success',
    async (_what, answer, body) => {
      const live = client(await serve(answer));
      const result = await live.deleteDomainHttpsCert({ domain: 'play.example.com' });
      expect(result.requestId).toBe('req-1');
      expect(result.body).toEqual(body);
    },
  );

  it.each(REFUSED)('update and delete: %s stays a LiveResponseError', async (_what, answer) => {
    const live = client(await serve(answer));
    const update = await live.updateDomainHttpsCert({ domain: 'play.example.com', body: BODY }).catch((e) => e);
    expect(update).toBeInstanceOf(LiveResponseError);
    expect((update as Error).message).toMatch(/may or may not have been applied/);
    await expect(live.deleteDomainHttpsCert({ domain: 'play.example.com' })).rejects.toBeInstanceOf(LiveResponseError);
  });

  it('show keeps fields the spec does not list', async () => {
    server = await startFaultServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ...JSON.parse(SHOW), new_field: { a: 1 } })),
    );
    const shown = await client(server.url).showDomainHttpsCert({ domain: 'play.example.com' });
    expect((shown as Record<string, unknown>)['new_field']).toEqual({ a: 1 });
  });
});

describe('the CLI takes an update or delete answered 200 {} as success, fleets too', () => {
  const env = { HUAWEICLOUD_SDK_AK: CREDENTIALS.accessKey, HUAWEICLOUD_SDK_SK: CREDENTIALS.secretKey };
  const fleet = () => {
    const file = pki.path('write-answers-domains.txt');
    writeFileSync(file, 'a.example.com\nb.example.com\nc.example.com\n');
    return file;
  };

  it.each([
    ['update', ['--always', '--cert', 'CERT', '--key', 'KEY']],
    ['delete', ['--yes']],
  ])('%s: 200 {} for every domain exits 0; 200 <html> exits 1', async (command, extra) => {
    const args = extra.map((a) => (a === 'CERT' ? pki.path('wild.crt') : a === 'KEY' ? pki.path('wild.key') : a));
    for (const single of [true, false]) {
      const url = await serve({ status: 200, type: 'application/json', body: '{}' });
      const where = single ? ['--domain', 'a.example.com'] : ['--domains-file', fleet()];
      const ok = await runInProcess(
        [command, ...where, ...args, '--endpoint', url, '--project-id', PROJECT_ID, '--json'],
        env,
      );
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      await server?.stop();
      const bad = await serve({ status: 200, type: 'text/html', body: '<html>portal</html>' });
      const refused = await runInProcess(
        [command, ...where, ...args, '--endpoint', bad, '--project-id', PROJECT_ID, '--json'],
        env,
      );
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('LiveResponseError');
      await server?.stop();
      server = undefined;
    }
  });
});
