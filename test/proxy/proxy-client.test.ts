// The Node client through a real proxy on 127.0.0.1 that must see the traffic: plain http in
// absolute form (signature still valid), proxy auth, NO_PROXY, `proxy: false`, and hostile proxies
// (CONNECT refused with 407/403/502, a tunnel closed at once, a CONNECT never answered): a typed
// error, a bounded number of CONNECTs, and no proxy credential in any message or toJSON.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveClient } from '../../src/client.js';
import { ConfigurationError, LiveNetworkError, LiveProxyError, LiveTimeoutError } from '../../src/errors.js';
import { createNodeLiveClient, createNodeSender } from '../../src/node/index.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'PROXYTESTAK';
const SK = 'proxy-test-secret-key-value-0001';
const PASSWORD = 'proxy-pass-Zq81xv0';
const credentials = { accessKey: AK, secretKey: SK };
const projectId = '0123456789abcdef0123456789abcdef';
let proxy: TestProxy | undefined;
let server: VerifyingServer | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  await proxy?.stop();
  await server?.stop();
  proxy = undefined;
  server = undefined;
});

const viaEnv = (endpoint: string, env: Record<string, string>, extra: { retries?: number; timeoutMs?: number } = {}) =>
  createLiveClient({ projectId, endpoint, credentials, sender: createNodeSender({ env }), ...extra });

async function failure(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

function expectNoProxySecret(error: Error) {
  const shown = `${error.message} ${JSON.stringify(error)} ${String(error.cause)} ${JSON.stringify(error.cause)}`;
  expect(shown).not.toContain(PASSWORD);
  expect(shown).not.toContain(Buffer.from(`alice:${PASSWORD}`).toString('base64'));
}

describe('the default client on Node', () => {
  it('createLiveClient (the browser-safe entry, no sender given) honours HTTP_PROXY from the environment', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    proxy = await startTestProxy();
    vi.stubEnv('HTTP_PROXY', proxy.url);
    vi.stubEnv('http_proxy', undefined);
    vi.stubEnv('NO_PROXY', undefined);
    vi.stubEnv('no_proxy', undefined);
    await createLiveClient({ projectId, endpoint: server.url, credentials }).deleteDomainHttpsCert({
      domain: 'play.example.com',
    });
    expect(proxy.seen.map((s) => s.method)).toEqual(['DELETE']);
    expect(server.received.map((r) => r.verdict)).toEqual(['ok']);
  });

  it('the browser bundle of the client entry holds no proxy agent', async () => {
    const out = await build({
      entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect(code).toContain('HTTPS_PROXY');
    expect(code).not.toMatch(/HttpsProxyAgent|proxyConnect|Proxy-Authorization/);
  });
});

describe('plain http through the proxy', () => {
  it('HTTP_PROXY: the proxy sees the absolute-form request and the server verifies the signature', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    proxy = await startTestProxy();
    const live = viaEnv(server.url, { HTTP_PROXY: proxy.url });
    const shown = await live.showDomainHttpsCert({ domain: 'play.example.com' });
    expect(shown.certificate_format).toBe('PEM');
    expect(proxy.seen.map((s) => `${s.method} ${s.target}`)).toEqual([
      `GET ${server.url}/v1/${projectId}/guard/https-cert?domain=play.example.com`,
    ]);
    expect(server.received.map((r) => r.verdict)).toEqual(['ok']);
    expect(server.received[0]?.headers['proxy-authorization']).toBeUndefined();
  });

  it('the proxy option with credentials sends Proxy-Authorization and wins over the environment', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    proxy = await startTestProxy({ auth: { user: 'alice', password: PASSWORD } });
    const other = await startTestProxy();
    try {
      const live = createNodeLiveClient({
        projectId,
        endpoint: server.url,
        credentials,
        proxy: `http://alice:${PASSWORD}@127.0.0.1:${proxy.port}`,
      });
      await live.deleteDomainHttpsCert({ domain: 'play.example.com' });
      expect(proxy.seen).toHaveLength(1);
      expect(proxy.seen[0]?.proxyAuthorization).toBe(`Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`);
      expect(other.seen).toHaveLength(0);
      expect(server.received.map((r) => r.verdict)).toEqual(['ok']);
    } finally {
      await other.stop();
    }
  });

  it('a wrong proxy password is a LiveProxyError 407 at once (one request, no retry), password never shown', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    proxy = await startTestProxy({ auth: { user: 'alice', password: 'the-right-one-123' } });
    const live = createNodeLiveClient({
      projectId,
      endpoint: server.url,
      credentials,
      proxy: `http://alice:${PASSWORD}@127.0.0.1:${proxy.port}`,
    });
    const error = await failure(live.deleteDomainHttpsCert({ domain: 'play.example.com' }));
    expect(error).toBeInstanceOf(LiveProxyError);
    expect(error).toMatchObject({ status: 407, attempts: 1, proxy: `http://***@127.0.0.1:${proxy.port}` });
    expect(error.message).toContain('407');
    expect(proxy.seen).toHaveLength(1);
    expect(server.received).toHaveLength(0);
    expectNoProxySecret(error);
  });

  it('NO_PROXY bypasses the proxy for a matching host and port', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    proxy = await startTestProxy();
    const port = new URL(server.url).port;
    await viaEnv(server.url, {
      http_proxy: proxy.url,
      no_proxy: `example.test,127.0.0.1:${port}`,
    }).deleteDomainHttpsCert({ domain: 'play.example.com' });
    expect(proxy.seen).toHaveLength(0);
    expect(server.received).toHaveLength(1);
    // Another port of the same host is not listed: it goes through the proxy.
    await viaEnv(server.url, { http_proxy: proxy.url, no_proxy: '127.0.0.1:1' }).deleteDomainHttpsCert({
      domain: 'play.example.com',
    });
    expect(proxy.seen).toHaveLength(1);
  });

  it('proxy: false ignores the environment', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    proxy = await startTestProxy();
    const live = createLiveClient({
      projectId,
      endpoint: server.url,
      credentials,
      sender: createNodeSender({ proxy: false, env: { HTTP_PROXY: proxy.url } }),
    });
    await live.deleteDomainHttpsCert({ domain: 'play.example.com' });
    expect(proxy.seen).toHaveLength(0);
    expect(server.received).toHaveLength(1);
  });

  it("a proxy option with a caller's own fetch is refused, the password not echoed", () => {
    let caught: unknown;
    try {
      createNodeLiveClient({
        projectId,
        endpoint: 'http://127.0.0.1:1',
        credentials,
        proxy: `http://alice:${PASSWORD}@127.0.0.1:1`,
        fetch: globalThis.fetch,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expectNoProxySecret(caught as Error);
  });
});

describe('https through a hostile proxy (CONNECT)', () => {
  it.each([407, 403, 502])(
    'CONNECT answered %i: LiveProxyError, one CONNECT, no retry, no secret shown',
    async (status) => {
      proxy = await startTestProxy({ mode: { kind: 'refuse', status } });
      const live = createNodeLiveClient({
        projectId,
        endpoint: 'https://127.0.0.1:9',
        credentials,
        proxy: `http://alice:${PASSWORD}@127.0.0.1:${proxy.port}`,
      });
      const error = await failure(live.deleteDomainHttpsCert({ domain: 'play.example.com' }));
      expect(error).toBeInstanceOf(LiveProxyError);
      expect(error).toMatchObject({ status, attempts: 1, operation: 'DeleteDomainHttpsCert' });
      expect(error.message).toContain(`refused the request with ${status}`);
      expect(JSON.stringify(error)).toContain(`"status":${status}`);
      expect(proxy.connects).toBe(1);
      expect(proxy.seen[0]).toMatchObject({ method: 'CONNECT', target: '127.0.0.1:9' });
      expectNoProxySecret(error);
    },
  );

  it('a proxy that closes the tunnel at once: a network error after the usual retries, and the CONNECTs stop there', async () => {
    proxy = await startTestProxy({ mode: { kind: 'close-tunnel' } });
    const live = viaEnv('https://127.0.0.1:9', { HTTPS_PROXY: proxy.url }, { retries: 2 });
    const error = await failure(live.deleteDomainHttpsCert({ domain: 'play.example.com' }));
    expect(error).toBeInstanceOf(LiveNetworkError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(proxy.connects).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(proxy.connects).toBe(3);
  });

  it('a proxy that never answers CONNECT: the attempt timeout ends it, nothing more is sent', async () => {
    proxy = await startTestProxy({ mode: { kind: 'stall' } });
    const live = viaEnv('https://127.0.0.1:9', { HTTPS_PROXY: proxy.url }, { retries: 0, timeoutMs: 300 });
    const error = await failure(live.deleteDomainHttpsCert({ domain: 'play.example.com' }));
    expect(error).toBeInstanceOf(LiveTimeoutError);
    expect(proxy.connects).toBe(1);
    // The client dropped its socket to the proxy: nothing is left to hold a process open.
    await expect.poll(() => proxy?.open, { timeout: 2000 }).toBe(0);
  });
});
