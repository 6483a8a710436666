// The fault suite: a real server on 127.0.0.1 misbehaves in every way the issue lists. Each case
// asserts the outcome, the attempt count and the elapsed time, and that no timer or socket is
// left behind. Every error is then serialised and searched for secrets.
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveClient,
  LiveApiError,
  LiveNetworkError,
  LiveTimeoutError,
  type Credentials,
  type LiveClientOptions,
} from '../../src/index.js';
import { dribble, type FaultHandler, type FaultServer, startFaultServer } from '../support/fault-server.js';
import { freePort } from '../../scripts/lib/prism.js';
import type { Sender } from '../../src/transport/live-transport.js';
import { fetchSender, type FetchFunction } from '../../src/transport/sender.js';
import { startVerifyingServer } from '../support/verifying-server.js';

const SECRET_KEY = 'FAULT-SUITE-SECRET-KEY-0123456789abcdef';
const SECURITY_TOKEN = 'FAULT-SUITE-SECURITY-TOKEN-abcdef0123456789';
const TOKEN = 'FAULT-SUITE-IAM-TOKEN-fedcba9876543210';
const AKSK: Credentials = { accessKey: 'FAULTSUITEAK', secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN };
const BODY = { certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', certificate_key: 'k' };
const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 50 };

const errors: unknown[] = [];
/** A fetch of the caller's own: createLiveClient({ fetch }) wraps it in the same fetch sender. */
const callersFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);
let server: FaultServer | undefined;

function activeHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'TCPSocketWrap' || r === 'TCPWRAP');
}
const baseline = activeHandles().length;

afterEach(async () => {
  await server?.stop();
  server = undefined;
  // Sockets close on the next turns of the loop once the server hung up; give them a moment.
  for (let i = 0; i < 50 && activeHandles().length > baseline; i++) await new Promise((r) => setTimeout(r, 10));
  expect(activeHandles(), 'dangling timers or sockets').toHaveLength(baseline);
});

async function serve(handler: FaultHandler): Promise<string> {
  server = await startFaultServer(handler);
  return server.url;
}

// Every case runs on every way to the wire: fetch (browsers, Deno, edge), node:http (what
// createLiveClient picks on Node when given neither fetch nor sender), and a caller's own fetch.
const SENDERS: [string, () => Sender | undefined][] = [
  ['fetch', () => fetchSender((input, init) => globalThis.fetch(input, init))],
  ['node:http (the default on Node)', () => undefined],
  ["a caller's fetch", () => fetchSender(callersFetch)],
];
let sender: Sender | undefined;

function client(endpoint: string, overrides: Partial<LiveClientOptions> = {}) {
  return createLiveClient({
    projectId: '0123456789abcdef0123456789abcdef',
    endpoint,
    credentials: AKSK,
    retry: FAST_RETRY,
    sender,
    ...overrides,
  });
}

/** Runs a call, returns its error (kept for the secret search) and how long it took. */
async function failure(call: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now();
  const error = await call.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  errors.push(error);
  return { error, ms: performance.now() - start };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): FaultHandler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

describe.each(SENDERS)('over %s', (_name, makeSender) => {
  beforeAll(() => {
    sender = makeSender();
  });
  afterAll(() => {
    sender = undefined;
  });

  describe('network faults', () => {
    it('connection reset on every attempt: LiveNetworkError after 3 attempts', async () => {
      const url = await serve((req) => req.socket.resetAndDestroy());
      const { error, ms } = await failure(client(url).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toBeInstanceOf(LiveNetworkError);
      expect(error).not.toBeInstanceOf(LiveTimeoutError);
      expect(error).toMatchObject({ attempts: 3, operation: 'ShowDomainHttpsCert' });
      expect((error as Error).message).toMatch(
        /ShowDomainHttpsCert to http:\/\/127\.0\.0\.1:\d+ failed \(3 attempts\)/,
      );
      expect((error as Error).cause).toBeInstanceOf(Error);
      expect(server?.count).toBe(3);
      expect(ms).toBeLessThan(2000);
    });

    it('connection refused: LiveNetworkError naming ECONNREFUSED, after 3 quick attempts', async () => {
      const port = await freePort();
      const { error, ms } = await failure(
        client(`http://127.0.0.1:${port}`).deleteDomainHttpsCert({ domain: 'a.example.com' }),
      );
      expect(error).toBeInstanceOf(LiveNetworkError);
      expect(error).toMatchObject({ attempts: 3, operation: 'DeleteDomainHttpsCert' });
      expect((error as Error).message).toContain('ECONNREFUSED');
      expect(ms).toBeLessThan(2000);
    });

    it('a server that never answers: LiveTimeoutError after each attempt times out', async () => {
      const url = await serve(() => undefined);
      const { error, ms } = await failure(
        client(url, { timeoutMs: 300, retries: 1 }).showDomainHttpsCert({ domain: 'a.example.com' }),
      );
      expect(error).toBeInstanceOf(LiveTimeoutError);
      expect(error).toMatchObject({ attempts: 2, timeoutMs: 300 });
      expect(server?.count).toBe(2);
      expect(ms).toBeGreaterThanOrEqual(600);
      expect(ms).toBeLessThan(2000);
    });

    it('headers, then a stalled body: the timeout covers the body too', async () => {
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"certificate_format":');
      });
      const { error, ms } = await failure(
        client(url, { timeoutMs: 300, retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com' }),
      );
      expect(error).toBeInstanceOf(LiveTimeoutError);
      expect(error).toMatchObject({ attempts: 1 });
      expect(ms).toBeGreaterThanOrEqual(300);
      expect(ms).toBeLessThan(1500);
    });

    it('a slow-loris body (one byte every 50 ms, forever) is cut off by the timeout', async () => {
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        dribble(res, 50);
      });
      const { error, ms } = await failure(
        client(url, { timeoutMs: 400, retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com' }),
      );
      expect(error).toBeInstanceOf(LiveTimeoutError);
      expect(ms).toBeGreaterThanOrEqual(400);
      expect(ms).toBeLessThan(1500);
    });
  });

  describe('transient statuses are retried', () => {
    it('500, 502, 503 and 504, then success: resolves on the 5th attempt', async () => {
      const statuses = [500, 502, 503, 504];
      const url = await serve((req, res, index) => {
        const status = statuses[index];
        if (status)
          json(status, { error_code: 'LIVE.100011005', error_msg: `transient ${status}` })(
            req,
            res,
            index,
            Buffer.alloc(0),
          );
        else res.writeHead(200, { 'x-request-id': 'finally-ok' }).end();
      });
      const start = performance.now();
      const result = await client(url, { retries: 4 }).updateDomainHttpsCert({ domain: 'a.example.com', body: BODY });
      expect(result).toEqual({ requestId: 'finally-ok' });
      expect(server?.count).toBe(5);
      expect(performance.now() - start).toBeLessThan(2000);
    });

    it('the same statuses with retries exhausted: LiveApiError of the last answer with attempts 3', async () => {
      const url = await serve(json(503, { error_code: 'LIVE.100011008', error_msg: 'under maintenance' }));
      const { error } = await failure(client(url).updateDomainHttpsCert({ domain: 'a.example.com', body: BODY }));
      expect(error).toBeInstanceOf(LiveApiError);
      expect(error).toMatchObject({
        status: 503,
        errorCode: 'LIVE.100011008',
        attempts: 3,
        operation: 'UpdateDomainHttpsCert',
      });
    });

    it('429 with Retry-After: 1 waits a second, then succeeds', async () => {
      const url = await serve((req, res, index) =>
        index === 0
          ? json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'retry-after': '1' })(
              req,
              res,
              index,
              Buffer.alloc(0),
            )
          : res.writeHead(204).end(),
      );
      const start = performance.now();
      await client(url).deleteDomainHttpsCert({ domain: 'a.example.com' });
      const ms = performance.now() - start;
      expect(server?.count).toBe(2);
      expect(ms).toBeGreaterThanOrEqual(990);
      expect(ms).toBeLessThan(2500);
    });

    it('a Retry-After longer than the cap is not waited for: the 429 is the result', async () => {
      const url = await serve(
        json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'retry-after': '3600' }),
      );
      const { error, ms } = await failure(client(url).deleteDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toMatchObject({ status: 429, attempts: 1 });
      expect(ms).toBeLessThan(1000);
    });

    it.each([400, 401, 403, 404])('%i is not retried', async (status) => {
      const url = await serve(json(status, { error_code: 'LIVE.100011001', error_msg: 'no' }));
      const { error } = await failure(client(url).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toMatchObject({ status, attempts: 1 });
      expect(server?.count).toBe(1);
    });

    it('401 APIGW.0301 (a bad signature) is a typed error at once', async () => {
      const url = await serve(
        json(401, {
          error_code: 'APIGW.0301',
          error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
        }),
      );
      const { error, ms } = await failure(client(url).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toBeInstanceOf(LiveApiError);
      expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0301', attempts: 1 });
      expect(ms).toBeLessThan(1000);
    });
  });

  describe('bodies that are not what the spec says', () => {
    it.each([
      ['HTML', 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
      ['plain text', 'text/plain', 'upstream connect error'],
      ['empty', 'application/json', ''],
      ['broken JSON', 'application/json', '{"error_code": "LIVE.1'],
    ])('%s error body: typed LiveApiError without errorCode, body kept', async (_what, type, text) => {
      const url = await serve((_req, res) => res.writeHead(502, { 'content-type': type }).end(text));
      const { error, ms } = await failure(client(url, { retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toBeInstanceOf(LiveApiError);
      expect(error).toMatchObject({ status: 502, errorCode: undefined, attempts: 1 });
      expect((error as LiveApiError).body).toBe(text);
      expect(ms).toBeLessThan(1000);
    });

    it('a 10 MB error body is cut: the error keeps 2 kB and the rest is never read', async () => {
      const url = await serve((_req, res) => {
        res.writeHead(500, { 'content-type': 'text/plain', 'content-length': String(10 * 1024 * 1024) });
        res.end(Buffer.alloc(10 * 1024 * 1024, 'x'));
      });
      const { error, ms } = await failure(client(url, { retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toBeInstanceOf(LiveApiError);
      expect((error as LiveApiError).body.length).toBe(2048);
      expect((error as LiveApiError).message.length).toBeLessThan(300);
      expect(ms).toBeLessThan(2000);
    });

    it('a 10 MB success body is refused as a network error, not buffered', async () => {
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(Buffer.alloc(10 * 1024 * 1024, ' '));
      });
      const { error } = await failure(client(url).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toBeInstanceOf(LiveNetworkError);
      expect((error as Error).message).toContain('larger than');
      expect(error).toMatchObject({ attempts: 1 });
    });
  });

  describe('the caller decides', () => {
    it('an AbortSignal aborts a request in flight at once', async () => {
      const url = await serve(() => undefined);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const { error, ms } = await failure(
        client(url).showDomainHttpsCert({ domain: 'a.example.com', signal: controller.signal }),
      );
      expect((error as Error).name).toBe('AbortError');
      expect(ms).toBeLessThan(1000);
    });

    it('an AbortSignal aborts the wait between retries', async () => {
      const controller = new AbortController();
      // Retry-After fixes the wait (backoff jitter could make it tiny); the abort comes once the
      // first answer is out, so the client is surely waiting to retry.
      const url = await serve((req, res, index) => {
        json(503, { error_code: 'x', error_msg: 'y' }, { 'retry-after': '5' })(req, res, index, Buffer.alloc(0));
        setTimeout(() => controller.abort(), 100);
      });
      const live = client(url, { retries: 3 });
      const { error, ms } = await failure(
        live.showDomainHttpsCert({ domain: 'a.example.com', signal: controller.signal }),
      );
      expect((error as Error).name).toBe('AbortError');
      expect(ms).toBeLessThan(2000);
      expect(server?.count).toBe(1);
    });

    it('an already aborted signal sends nothing', async () => {
      const url = await serve(json(200, {}));
      const { error } = await failure(
        client(url).showDomainHttpsCert({ domain: 'a.example.com', signal: AbortSignal.abort() }),
      );
      expect((error as Error).name).toBe('AbortError');
      expect(server?.count).toBe(0);
    });

    it('retries: 0 disables retrying', async () => {
      const url = await serve(json(500, { error_code: 'x', error_msg: 'y' }));
      const { error } = await failure(client(url, { retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toMatchObject({ status: 500, attempts: 1 });
    });

    it('a per-call timeoutMs overrides the client default', async () => {
      const url = await serve(() => undefined);
      const { error, ms } = await failure(
        client(url, { timeoutMs: 60_000, retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com', timeoutMs: 200 }),
      );
      expect(error).toMatchObject({ name: 'LiveTimeoutError', timeoutMs: 200 });
      expect(ms).toBeLessThan(1000);
    });
  });
});

describe('secrets stay out of errors', () => {
  it('a server echoing the token in its error body: the token is redacted', async () => {
    const url = await serve((req, res) =>
      json(500, { error_code: 'X', error_msg: `headers were ${JSON.stringify(req.headers)}` })(
        req,
        res,
        0,
        Buffer.alloc(0),
      ),
    );
    const { error } = await failure(
      client(url, { credentials: { token: TOKEN }, retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com' }),
    );
    expect((error as LiveApiError).errorMsg).toContain('[REDACTED]');
  });

  it('the gateway echoing a canonical request with the security token: redacted', async () => {
    const verifying = await startVerifyingServer({ keys: { FAULTSUITEAK: 'the-real-secret-key-on-the-server' } });
    try {
      const { error } = await failure(client(verifying.url).showDomainHttpsCert({ domain: 'a.example.com' }));
      expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
      expect((error as LiveApiError).errorMsg).toContain('x-security-token:[REDACTED]');
    } finally {
      await verifying.stop();
    }
  });

  afterAll(() => {
    expect(errors.length).toBeGreaterThanOrEqual(20);
    for (const error of errors) {
      const forms = [
        JSON.stringify(error),
        String(error),
        (error as Error).message,
        inspect(error, { depth: 10, showHidden: true }),
        String((error as Error).cause ?? ''),
        JSON.stringify((error as Error).cause ?? null),
      ].join('\n');
      for (const secret of [SECRET_KEY, SECURITY_TOKEN, TOKEN]) expect(forms).not.toContain(secret);
      expect(forms).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    }
  });
});
