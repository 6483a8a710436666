// A 2xx body that the spec does not document for the operation is never a result: a real server
// on 127.0.0.1 answers junk, and every operation must reject with a LiveResponseError (status,
// request id, a short redacted excerpt), on the fetch path and on the node:http sender.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveClient, LiveResponseError, ValidationError, ConfigurationError } from '../../src/index.js';
import { createNodeLiveClient } from '../../src/node/index.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const TOKEN = `tok-${'s3cr3t'.repeat(10)}`;
let answer: { status: number; body: string; type?: string } = { status: 200, body: '{}' };
let server: Server;
let endpoint: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json', 'x-request-id': 'req-junk-1' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const junk: [string, string, string?][] = [
  ['an array', '[1,2,3]'],
  ['a string', '"hello"'],
  ['a number', '42'],
  ['null', 'null'],
  ['wrong field types', '{"certificate":123,"force_redirect":"yes"}'],
  ['100k-deep arrays', deep],
  ['an empty body', ''],
  ['HTML', '<html><body>Gateway says hi</body></html>', 'text/html'],
  ['truncated JSON', '{"certificate":"-----BEGIN'],
  ['a secret echoed in a wrong type', `{"certificate_format":"${TOKEN}"}`],
];

const clients = {
  fetch: () => createLiveClient({ projectId: PROJECT_ID, endpoint, credentials: { token: TOKEN }, retries: 0 }),
  'node:http': () =>
    createNodeLiveClient({ projectId: PROJECT_ID, endpoint, credentials: { token: TOKEN }, retries: 0 }),
};

describe.each(Object.entries(clients))('responses checked against the spec (%s)', (_name, make) => {
  it.each(junk)('show rejects %s with LiveResponseError', async (_why, body, type) => {
    answer = { status: 200, body, ...(type ? { type } : {}) };
    const error = await make()
      .showDomainHttpsCert({ domain: 'play.example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveResponseError);
    const e = error as LiveResponseError;
    expect(e.status).toBe(200);
    expect(e.requestId).toBe('req-junk-1');
    expect(e.operation).toBe('ShowDomainHttpsCert');
    expect(e.excerpt.length).toBeLessThanOrEqual(210);
    expect(e.message).not.toContain('may or may not');
    expect(JSON.stringify(e.toJSON()) + e.message).not.toContain('s3cr3ts3cr3t');
  });

  it('show resolves with a body the spec documents', async () => {
    answer = {
      status: 200,
      body: '{"certificate_format":"PEM","certificate":"","certificate_key":"","force_redirect":false}',
    };
    await expect(make().showDomainHttpsCert({ domain: 'play.example.com' })).resolves.toEqual({
      certificate_format: 'PEM',
      certificate: '',
      certificate_key: '',
      force_redirect: false,
    });
  });

  it.each([
    [
      'update',
      (c: ReturnType<typeof make>) =>
        c.updateDomainHttpsCert({ domain: 'play.example.com', body: { certificate: 'c', certificate_key: 'k' } }),
    ],
    ['delete', (c: ReturnType<typeof make>) => c.deleteDomainHttpsCert({ domain: 'play.example.com' })],
  ])(
    '%s: a body where the spec documents none is a LiveResponseError that says the change may or may not have been applied',
    async (_op, call) => {
      answer = { status: 200, body: '<html>proxy page</html>', type: 'text/html' };
      const error = await call(make()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LiveResponseError);
      expect((error as Error).message).toContain('may or may not have been applied');
    },
  );

  it('update and delete resolve on the documented empty answers', async () => {
    answer = { status: 200, body: '' };
    await expect(
      make().updateDomainHttpsCert({ domain: 'play.example.com', body: { certificate: 'c', certificate_key: 'k' } }),
    ).resolves.toEqual({ requestId: 'req-junk-1' });
    answer = { status: 204, body: '' };
    await expect(make().deleteDomainHttpsCert({ domain: 'play.example.com' })).resolves.toEqual({
      requestId: 'req-junk-1',
    });
  });
});

describe('ids and domains that would rewrite the request are refused before sending', () => {
  it.each(['.', '..', 'p1', '0123456789ABCDEF0123456789ABCDEF', '0123456789abcdef0123456789abcde/', ''])(
    'projectId %j is a ConfigurationError',
    (projectId) => {
      expect(() => createLiveClient({ projectId, endpoint, credentials: { token: TOKEN } })).toThrow(
        ConfigurationError,
      );
    },
  );

  it('a domain with a lone surrogate is a ValidationError, not a URIError, and nothing is sent', async () => {
    const before = seen.length;
    const error = await clients
      .fetch()
      .showDomainHttpsCert({ domain: 'play\uD800.example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('domain');
    expect((error as Error).message).toContain('nothing was sent');
    expect(seen.length).toBe(before);
  });
});
