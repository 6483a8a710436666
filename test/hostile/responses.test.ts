// Hostile servers that send what HTTP or the API does not: statuses outside 100-599, compressed
// answers (and a gzip bomb), lying Date and Retry-After headers.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, LiveApiError, LiveNetworkError, LiveResponseError } from '../../src/index.js';
import { type FaultHandler, type FaultServer, startFaultServer } from '../support/fault-server.js';
import {
  CERT_BODY,
  everyForm,
  expectNoSecretIn,
  failure,
  hostileClient,
  IAM_TOKEN,
  outcomeOf,
  printOutcomesAfterAll,
  record,
  SENDERS,
} from './support.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
printOutcomesAfterAll('responses');

async function serve(handler: FaultHandler): Promise<FaultServer> {
  const server = await startFaultServer(handler);
  servers.push(server);
  return server;
}

const INFO = { certificate_format: 'PEM', certificate: 'x'.repeat(3000), force_redirect: true };
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));

/** X-Sdk-Date (20260101T000000Z) as epoch ms. */
function sdkDateMs(value: string | string[] | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(value));
  if (!m) throw new Error(`not an X-Sdk-Date: ${String(value)}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

describe.each(SENDERS)('responses over $name', (sender) => {
  it.each([600, 999])(
    'status %i: LiveResponseError (not a RangeError), not retried; an update says it may have been applied',
    async (status) => {
      const server = await serve((_req, res) =>
        res.writeHead(status, { 'x-request-id': 'odd-1' }).end(`weird ${IAM_TOKEN}`),
      );
      const show = await failure(
        hostileClient(sender, server.url, { credentials: { token: IAM_TOKEN } }).showDomainHttpsCert({
          domain: 'a.example.com',
        }),
      );
      expect(show).toBeInstanceOf(LiveResponseError);
      expect(show).toMatchObject({ status, requestId: 'odd-1', operation: 'ShowDomainHttpsCert' });
      expect((show as LiveResponseError).excerpt).toContain('weird');
      const update = await failure(
        hostileClient(sender, server.url).updateDomainHttpsCert({ domain: 'a.example.com', body: CERT_BODY }),
      );
      expect(update).toBeInstanceOf(LiveResponseError);
      expect(update.message).toMatch(/may or may not have been applied/);
      expect(server.count).toBe(2);
      expectNoSecretIn(everyForm(show));
      record(`status ${status}`, sender.name, outcomeOf(show, 'sent once'));
    },
  );

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('a %s answer is decoded: show resolves with the object', async (coding, encode) => {
    const server = await serve((req, res) => {
      expect(String(req.headers['accept-encoding'])).toContain('gzip');
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding })
        .end(encode(Buffer.from(JSON.stringify(INFO))));
    });
    const info = await hostileClient(sender, server.url).showDomainHttpsCert({ domain: 'a.example.com' });
    expect(info).toEqual(INFO);
    record(`${coding}-encoded 200`, sender.name, 'decoded, resolves');
  });

  it('a gzip error body is decoded for the error', async () => {
    const server = await serve((_req, res) =>
      res
        .writeHead(400, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        .end(gzipSync(JSON.stringify({ error_code: 'LIVE.1', error_msg: 'zipped' }))),
    );
    const error = await failure(hostileClient(sender, server.url).showDomainHttpsCert({ domain: 'a.example.com' }));
    expect(error).toMatchObject({ name: 'LiveApiError', status: 400, errorCode: 'LIVE.1', errorMsg: 'zipped' });
    record('gzip-encoded 400', sender.name, outcomeOf(error, 'decoded'));
  });

  it('a gzip bomb (64 kB -> 64 MiB) as a 200: cut at the 4 MiB decoded limit, a network error', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(BOMB),
    );
    const start = performance.now();
    const error = await failure(hostileClient(sender, server.url).showDomainHttpsCert({ domain: 'a.example.com' }));
    expect(error).toBeInstanceOf(LiveNetworkError);
    expect(error.message).toContain('larger than 4194304 bytes');
    expect(error).toMatchObject({ attempts: 1 });
    expect(performance.now() - start).toBeLessThan(3000);
    record('gzip bomb as a 200', sender.name, outcomeOf(error, 'cut at 4 MiB decoded'));
  });

  it('a gzip bomb as a 500: the error body is cut at 64 kB decoded', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(500, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(BOMB),
    );
    const error = await failure(
      hostileClient(sender, server.url, { retries: 0 }).showDomainHttpsCert({ domain: 'a.example.com' }),
    );
    expect(error).toBeInstanceOf(LiveApiError);
    expect((error as LiveApiError).body.length).toBe(2048);
    record('gzip bomb as a 500', sender.name, outcomeOf(error, 'body cut'));
  });

  it('Date: Sat, 01 Jan 0001 on a 200 does not move the signing clock', async () => {
    const dates: number[] = [];
    const server = await serve((req, res) => {
      dates.push(sdkDateMs(req.headers['x-sdk-date']));
      res.writeHead(204, { date: 'Sat, 01 Jan 0001 00:00:00 GMT' }).end();
    });
    const client = hostileClient(sender, server.url);
    await client.deleteDomainHttpsCert({ domain: 'a.example.com' });
    await client.deleteDomainHttpsCert({ domain: 'a.example.com' });
    expect(Math.abs(dates[1]! - Date.now())).toBeLessThan(60_000);
    record('Date: 01 Jan 0001 on a 200', sender.name, 'clock unchanged');
  });

  it('a 200 whose Date is an hour ahead does not move the clock (no evidence the signature was refused)', async () => {
    const dates: number[] = [];
    const server = await serve((req, res) => {
      dates.push(sdkDateMs(req.headers['x-sdk-date']));
      res.writeHead(204, { date: new Date(Date.now() + 3_600_000).toUTCString() }).end();
    });
    const client = hostileClient(sender, server.url);
    await client.deleteDomainHttpsCert({ domain: 'a.example.com' });
    await client.deleteDomainHttpsCert({ domain: 'a.example.com' });
    expect(Math.abs(dates[1]! - Date.now())).toBeLessThan(60_000);
    record('Date 1 h ahead on a 200', sender.name, 'clock unchanged');
  });

  it('a 401 whose Date is an hour ahead: signed again once with the corrected clock', async () => {
    const dates: number[] = [];
    const server = await serve((req, res) => {
      dates.push(sdkDateMs(req.headers['x-sdk-date']));
      const ahead = new Date(Date.now() + 3_600_000).toUTCString();
      if (dates.length === 1)
        res
          .writeHead(401, { date: ahead, 'content-type': 'application/json' })
          .end('{"error_code":"APIGW.0303","error_msg":"signature expired"}');
      else res.writeHead(204, { date: ahead }).end();
    });
    await hostileClient(sender, server.url).deleteDomainHttpsCert({ domain: 'a.example.com' });
    expect(dates).toHaveLength(2);
    expect(Math.abs(dates[1]! - (Date.now() + 3_600_000))).toBeLessThan(60_000);
    record('401 with Date 1 h ahead', sender.name, 're-signed once, +1 h');
  });

  it('a 401 with Date: 01 Jan 0001: not believed, the 401 is the result', async () => {
    const dates: number[] = [];
    const server = await serve((req, res) => {
      dates.push(sdkDateMs(req.headers['x-sdk-date']));
      res
        .writeHead(401, { date: 'Sat, 01 Jan 0001 00:00:00 GMT', 'content-type': 'application/json' })
        .end('{"error_code":"APIGW.0301","error_msg":"bad signature"}');
    });
    const error = await failure(hostileClient(sender, server.url).deleteDomainHttpsCert({ domain: 'a.example.com' }));
    expect(error).toMatchObject({ name: 'LiveApiError', status: 401, attempts: 1 });
    expect(Math.abs(dates[0]! - Date.now())).toBeLessThan(60_000);
    record('401 with Date: 01 Jan 0001', sender.name, outcomeOf(error, 'clock unchanged'));
  });

  it.each(['1.5', '-5', '1 2', 'soon', 'Thu, 01 Jan 1970 00:00:00'])(
    'Retry-After: %s is not RFC 9110: backoff decides, not "at once"',
    async (value) => {
      const times: number[] = [];
      const server = await serve((_req, res) => {
        times.push(performance.now());
        if (times.length === 1) res.writeHead(503, { 'retry-after': value }).end();
        else res.writeHead(204).end();
      });
      // The transport under the client, with the jitter pinned to its top: the backoff is ~400 ms.
      const transport = createTransport({
        authorize: () => undefined,
        ...sender.options(),
        random: () => 0.999,
        retry: { baseDelayMs: 400, maxDelayMs: 400 },
      });
      const response = await transport.fetch(`${server.url}/x`, { method: 'DELETE' });
      expect(response.status).toBe(204);
      expect(times).toHaveLength(2);
      const waited = times[1]! - times[0]!;
      expect(waited).toBeGreaterThanOrEqual(380);
      record(`Retry-After: ${value}`, sender.name, `backoff (${Math.round(waited / 100) / 10} s), then success`);
    },
  );
});
