// The sender contract (see the Sender doc in src/transport/sender.ts), clause by clause, against
// real servers on 127.0.0.1. senderContract(name, makeSender) runs it for one sender; every
// sender the package has runs it (senders.test.ts), so they cannot drift apart.
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingRequest } from '../../src/transport/outgoing.js';
import { ResponseTooLargeError } from '../../src/transport/read-body.js';
import type { BodyLimit, Sender, WireResponse } from '../../src/transport/sender.js';
import { type FaultHandler, type FaultServer, startFaultServer, startRawServer } from '../support/fault-server.js';

const KEEP_ALL: BodyLimit = () => ({ limit: 4 * 1024 * 1024, truncate: false });
const servers: FaultServer[] = [];

async function serve(handler: FaultHandler): Promise<FaultServer> {
  const server = await startFaultServer(handler);
  servers.push(server);
  return server;
}

function request(url: string, init: Partial<OutgoingRequest> = {}): OutgoingRequest {
  return { method: 'GET', url: new URL(url), headers: {}, body: undefined, signal: undefined, ...init };
}

const text = (wire: WireResponse) => new TextDecoder().decode(wire.body);
const header = (wire: WireResponse, name: string) => new Headers(wire.headers).get(name);

/** 64 MiB of zeros as 64 kB of gzip: a decompression bomb for a 4 MiB limit. */
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024));

export function senderContract(name: string, makeSender: () => Sender): void {
  describe(`sender contract: ${name}`, () => {
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => s.stop()));
    });

    it('sends the method, path, query, headers and body bytes it is given, once, asking for gzip, deflate and br', async () => {
      const seen: { method?: string; url?: string; headers?: Record<string, unknown>; body?: Buffer }[] = [];
      const server = await serve((req, res, _i, body) => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(201, 'Made It', { 'x-answer': 'yes' }).end('done');
      });
      const body = new TextEncoder().encode('{"a":"\u00e9"}');
      const wire = await makeSender()(
        request(`${server.url}/v1/p/guard/https-cert?domain=a.example.com`, {
          method: 'PUT',
          headers: { 'x-sdk-date': '20260101T000000Z', 'content-type': 'application/json' },
          body,
        }),
        new AbortController().signal,
        KEEP_ALL,
      );
      expect(server.count).toBe(1);
      expect(seen[0]).toMatchObject({ method: 'PUT', url: '/v1/p/guard/https-cert?domain=a.example.com' });
      expect(seen[0]!.headers).toMatchObject({
        'x-sdk-date': '20260101T000000Z',
        'content-type': 'application/json',
        'content-length': String(body.byteLength),
      });
      expect(String(seen[0]!.headers!['accept-encoding'])).toMatch(/gzip/);
      expect(String(seen[0]!.headers!['accept-encoding'])).toMatch(/deflate/);
      expect(new Uint8Array(seen[0]!.body!)).toEqual(body);
      expect(wire.status).toBe(201);
      expect(wire.statusText).toBe('Made It');
      expect(header(wire, 'X-Answer')).toBe('yes');
      expect(text(wire)).toBe('done');
    });

    it('returns repeated headers the same way (joined by Headers)', async () => {
      const server = await serve((_req, res) => {
        res.setHeader('x-multi', ['one', 'two']);
        res.writeHead(200).end();
      });
      const wire = await makeSender()(request(server.url), new AbortController().signal, KEEP_ALL);
      expect(header(wire, 'x-multi')).toBe('one, two');
      expect(wire.body.byteLength).toBe(0);
    });

    it.each([301, 302, 303, 307, 308])('returns a %i as it is and never follows it', async (status) => {
      const elsewhere = await serve((_req, res) => res.writeHead(200).end('followed'));
      const server = await serve((_req, res) =>
        res.writeHead(status, { location: `${elsewhere.url}/stolen` }).end('moved'),
      );
      const wire = await makeSender()(
        request(server.url, { method: 'PUT', body: new Uint8Array([1, 2, 3]) }),
        new AbortController().signal,
        KEEP_ALL,
      );
      expect(elsewhere.count).toBe(0);
      expect(server.count).toBe(1);
      if (wire.redirect === 'opaque') return; // a runtime that hides redirects (browsers) marks them
      expect(wire.redirect).toBeUndefined();
      expect(wire.status).toBe(status);
      expect(header(wire, 'location')).toBe(`${elsewhere.url}/stolen`);
    });

    it('returns a status outside 100-599 as it is, for the transport to refuse', async () => {
      const server = await serve((_req, res) => res.writeHead(600).end('odd'));
      const wire = await makeSender()(request(server.url), new AbortController().signal, KEEP_ALL);
      expect(wire.status).toBe(600);
    });

    it('a final 1xx (a 101 nobody asked for) is a rejection, as fetch has it', async () => {
      const server = await startRawServer(() => 'HTTP/1.1 101 Switching Protocols\r\n\r\n');
      servers.push(server);
      const error = await makeSender()(request(server.url), new AbortController().signal, KEEP_ALL).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
    });

    it.each([
      ['gzip', 'gzip', gzipSync],
      ['x-gzip', 'x-gzip', gzipSync],
      ['deflate (zlib)', 'deflate', deflateSync],
      ['deflate (raw, as some servers send it)', 'deflate', deflateRawSync],
      ['br', 'br', brotliCompressSync],
    ] as const)('decodes %s and drops nothing', async (_label, coding, encode) => {
      const plain = JSON.stringify({ certificate: 'x'.repeat(5000), force_redirect: true });
      const server = await serve((_req, res) =>
        res
          .writeHead(200, { 'content-encoding': coding, 'content-type': 'application/json' })
          .end(encode(Buffer.from(plain))),
      );
      const wire = await makeSender()(request(server.url), new AbortController().signal, KEEP_ALL);
      expect(text(wire)).toBe(plain);
    });

    it('decodes two codings in reverse order (gzip, then br)', async () => {
      const plain = 'twice encoded';
      const server = await serve((_req, res) =>
        res.writeHead(200, { 'content-encoding': 'gzip, br' }).end(brotliCompressSync(gzipSync(Buffer.from(plain)))),
      );
      const wire = await makeSender()(request(server.url), new AbortController().signal, KEEP_ALL);
      expect(text(wire)).toBe(plain);
    });

    it('limits decoded bytes: a gzip bomb past the limit is refused without inflating it all', async () => {
      const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(BOMB));
      const start = performance.now();
      const error = await makeSender()(request(server.url), new AbortController().signal, () => ({
        limit: 1024 * 1024,
        truncate: false,
      })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      // Inflating all 64 MiB would take far longer than stopping at 1 MiB.
      expect(performance.now() - start).toBeLessThan(2000);
    });

    it('limits decoded bytes: with truncate, exactly the limit is kept (plain and gzip alike)', async () => {
      const plain = Buffer.alloc(100_000, 'e');
      for (const gzip of [false, true]) {
        const server = await serve((_req, res) =>
          res.writeHead(500, gzip ? { 'content-encoding': 'gzip' } : {}).end(gzip ? gzipSync(plain) : plain),
        );
        const wire = await makeSender()(request(server.url), new AbortController().signal, () => ({
          limit: 65_536,
          truncate: true,
        }));
        expect(wire.status).toBe(500);
        expect(wire.body.byteLength).toBe(65_536);
        expect(text(wire)).toBe('e'.repeat(65_536));
      }
    });

    it('an abort before the headers rejects at once with the signal reason', async () => {
      const server = await serve(() => undefined);
      const controller = new AbortController();
      const reason = new Error('stop now');
      setTimeout(() => controller.abort(reason), 100);
      const start = performance.now();
      const error = await makeSender()(request(server.url), controller.signal, KEEP_ALL).catch((e: unknown) => e);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(error === reason || (error as Error).name === 'AbortError').toBe(true);
    });

    it('an abort mid-body rejects at once', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-length': '100000' });
        res.write('partial');
      });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('stop now')), 150);
      const start = performance.now();
      const error = await makeSender()(request(server.url), controller.signal, KEEP_ALL).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(performance.now() - start).toBeLessThan(1000);
    });

    it('an already aborted signal sends nothing', async () => {
      const server = await serve((_req, res) => res.writeHead(200).end());
      const error = await makeSender()(request(server.url), AbortSignal.abort(), KEEP_ALL).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      await new Promise((r) => setTimeout(r, 50));
      expect(server.count).toBe(0);
    });
  });
}
