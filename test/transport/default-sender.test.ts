// The one choice of sender: a caller's sender, else a caller's fetch, else node:http on Node
// itself, else the runtime's fetch (browsers, Deno, Bun, edge runtimes with Node compatibility).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseSender } from '../../src/transport/default-sender.js';
import { isNode } from '../../src/internal/runtime.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('isNode', () => {
  it('is true here, on Node', () => {
    expect(isNode()).toBe(true);
  });

  it.each([
    ['Deno', { versions: { node: '22.0.0', deno: '2.1.0' } }, undefined],
    ['Bun', { versions: { node: '22.6.0', bun: '1.1.0' } }, undefined],
    ['Cloudflare Workers (nodejs_compat)', { versions: { node: '22.14.0' } }, { userAgent: 'Cloudflare-Workers' }],
    ['a browser', undefined, { userAgent: 'Mozilla/5.0' }],
  ])('is false on %s', (_runtime, fakeProcess, fakeNavigator) => {
    vi.stubGlobal('process', fakeProcess);
    vi.stubGlobal('navigator', fakeNavigator);
    const result = isNode();
    vi.unstubAllGlobals();
    expect(result).toBe(false);
  });
});

describe('chooseSender', () => {
  const request = () => ({
    method: 'GET',
    url: new URL('http://127.0.0.1:9/x'),
    headers: {},
    body: undefined,
    signal: undefined,
  });
  const limit = () => ({ limit: 1024, truncate: true });

  it("a caller's sender is used as given; a sender and a fetch together are one answer: refused", () => {
    const sender = vi.fn();
    expect(chooseSender({ sender })).toBe(sender);
    expect(() => chooseSender({ sender, fetch: vi.fn() })).toThrow(/give fetch or sender, not both/);
  });

  it("a caller's fetch is used, asked not to follow redirects", async () => {
    const fetch = vi.fn(async () => new Response('hi'));
    const wire = await chooseSender({ fetch })(request(), new AbortController().signal, limit);
    expect(new TextDecoder().decode(wire.body)).toBe('hi');
    expect(fetch).toHaveBeenCalledWith('http://127.0.0.1:9/x', expect.objectContaining({ redirect: 'manual' }));
  });

  it('away from Node (here a browser-like global scope), the global fetch', async () => {
    const fetch = vi.fn(async () => new Response('from the global fetch'));
    vi.stubGlobal('process', undefined);
    vi.stubGlobal('fetch', fetch);
    const send = chooseSender({});
    const wire = await send(request(), new AbortController().signal, limit);
    vi.unstubAllGlobals();
    expect(new TextDecoder().decode(wire.body)).toBe('from the global fetch');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("on Node, node:http, node:https and node:zlib are taken at the first request, not when the sender is chosen (a client's creation)", async () => {
    const server = createServer((_req, res) => res.end('from node:http'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const asked = vi.spyOn(process, 'getBuiltinModule');
    try {
      const send = chooseSender({ proxy: false, env: {} });
      const atChoice = asked.mock.calls.map(([id]) => id);
      const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
      const wire = await send({ ...request(), url }, new AbortController().signal, limit);
      expect(atChoice).toEqual([]);
      expect(new TextDecoder().decode(wire.body)).toBe('from node:http');
      expect(asked.mock.calls.map(([id]) => id)).toEqual(
        expect.arrayContaining(['node:http', 'node:https', 'node:zlib']),
      );
    } finally {
      asked.mockRestore();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
