// The built executable behind a proxy, as a user runs it: HTTPS_PROXY from the environment, https
// through a CONNECT tunnel to a local https server whose test CA is trusted with NODE_EXTRA_CA_CERTS
// (read by Node when the process starts: only a new process can show it), proxy auth, NO_PROXY;
// a stalled or tunnel-closing proxy ends with exit 3 and the process exits; the built client
// entries load the proxy agents. The proxy's failures as the commands report them are tested in
// process: test/proxy/cli-proxy-errors.test.ts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pki } from '../support/certs.js';
import { runCli } from '../support/cli.js';
import { type HttpsEndpoint, startHttpsEndpoint } from '../support/https-endpoint.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';

const PASSWORD = 'cli-proxy-pass-7Hq2';
const BASIC = Buffer.from(`bob:${PASSWORD}`).toString('base64');
const TOKEN = 'cli-proxy-test-iam-token-000000000001';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
let api: HttpsEndpoint;
let endpoint: string;
let received: HttpsEndpoint['received'];
let pki: Pki;
let proxy: TestProxy | undefined;

beforeAll(async () => {
  api = await startHttpsEndpoint();
  ({ url: endpoint, received, pki } = api);
});
afterAll(() => api.stop());
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
  received.length = 0;
});

const remove = ['delete', '--domain', 'play.example.com'];

function expectNoProxySecret(text: string) {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(BASIC);
  expect(text).not.toContain(TOKEN);
}

const env = (extra: Record<string, string>) => ({
  HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN,
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
  NODE_EXTRA_CA_CERTS: pki.path('ca.crt'),
  ...extra,
});

describe('the built CLI behind a proxy', () => {
  it('HTTPS_PROXY with credentials: the request goes through a CONNECT tunnel to the https server', async () => {
    proxy = await startTestProxy({ auth: { user: 'bob', password: PASSWORD } });
    const r = await runCli(
      [...remove, '--endpoint', endpoint, '--json'],
      env({ HTTPS_PROXY: `http://bob:${PASSWORD}@127.0.0.1:${proxy.port}` }),
    );
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([
      { method: 'CONNECT', target: `127.0.0.1:${new URL(endpoint).port}`, proxyAuthorization: `Basic ${BASIC}` },
    ]);
    // The GET that saves the setting for rollback, then the DELETE, both through the tunnel.
    expect(received.map((x) => x.method)).toEqual(['GET', 'DELETE']);
    expect(received[1]).toMatchObject({ method: 'DELETE', host: new URL(endpoint).host, token: TOKEN });
    expectNoProxySecret(r.stdout + r.stderr);
  });
  it('an https:// proxy (TLS to the proxy, then CONNECT and TLS to the server inside it), its CA from NODE_EXTRA_CA_CERTS', async () => {
    proxy = await startTestProxy({
      tls: { key: pki.read('server.key'), cert: pki.read('server.crt') },
      auth: { user: 'bob', password: PASSWORD },
    });
    const r = await runCli(
      [...remove, '--endpoint', endpoint],
      env({ HTTPS_PROXY: `https://bob:${PASSWORD}@127.0.0.1:${proxy.port}` }),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([
      { method: 'CONNECT', target: `127.0.0.1:${new URL(endpoint).port}`, proxyAuthorization: `Basic ${BASIC}` },
    ]);
    expect(received.map((x) => x.method)).toEqual(['GET', 'DELETE']);
  });
  it('a fleet through the proxy reuses its tunnel (keep-alive): one CONNECT for three domains one at a time', async () => {
    proxy = await startTestProxy();
    const fleet = [
      'delete',
      '--domain',
      'a.example.com',
      '--domain',
      'b.example.com',
      '--domain',
      'c.example.com',
      '--concurrency',
      '1',
      '--yes',
    ];
    const r = await runCli([...fleet, '--endpoint', endpoint], env({ HTTPS_PROXY: proxy.url }));
    expect(r.code).toBe(0);
    expect(received).toHaveLength(6);
    expect(proxy.connects).toBe(1);
  });
  it('lowercase https_proxy wins over HTTPS_PROXY, as in curl', async () => {
    proxy = await startTestProxy();
    const r = await runCli(
      [...remove, '--endpoint', endpoint],
      env({ https_proxy: proxy.url, HTTPS_PROXY: 'http://127.0.0.1:1' }),
    );
    expect(r.code).toBe(0);
    expect(proxy.connects).toBe(1);
  });
  it('NO_PROXY lists the endpoint: straight to the server, the proxy sees nothing', async () => {
    proxy = await startTestProxy();
    const r = await runCli(
      [...remove, '--endpoint', endpoint],
      env({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.test,127.0.0.1' }),
    );
    expect(r.code).toBe(0);
    expect(proxy.seen).toHaveLength(0);
    expect(received.map((x) => x.method)).toEqual(['GET', 'DELETE']);
  });
  it('a proxy that closes every tunnel: exit 3 after the retries, the process exits, the CONNECTs stop', async () => {
    proxy = await startTestProxy({ mode: { kind: 'close-tunnel' } });
    const started = Date.now();
    const r = await runCli([...remove, '--endpoint', endpoint, '--retries', '2'], env({ HTTPS_PROXY: proxy.url }));
    expect(r.code).toBe(3);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(proxy.connects).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(proxy.connects).toBe(3);
  });
  it('a proxy that never answers CONNECT: the timeout ends it and the process exits', async () => {
    proxy = await startTestProxy({ mode: { kind: 'stall' } });
    const r = await runCli(
      [...remove, '--endpoint', endpoint, '--timeout', '1', '--retries', '0'],
      env({ HTTPS_PROXY: proxy.url }),
    );
    expect(r.code).toBe(3);
    expect(proxy.connects).toBe(1);
  });
  it.each(['esm', 'cjs'])(
    'the built %s client entry loads the proxy agents and meets the refusing proxy',
    async (format) => {
      proxy = await startTestProxy({ mode: { kind: 'refuse', status: 403 } });
      const entry = fileURLToPath(new URL(`../../dist/${format}/src/index.js`, import.meta.url));
      const script =
        format === 'esm'
          ? `import { createLiveClient } from ${JSON.stringify(pathToFileURL(entry).href)};`
          : `const { createLiveClient } = require(${JSON.stringify(entry)});`;
      const body = `${script}
createLiveClient({ projectId: '${PROJECT_ID}', endpoint: ${JSON.stringify(endpoint)}, credentials: { token: ${JSON.stringify(TOKEN)} } })
  .deleteDomainHttpsCert({ domain: 'play.example.com' })
  .then(() => console.log('resolved'), (e) => console.log(e.name, e.status));`;
      // A child process: this one runs the proxy and must stay free to answer.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type', format === 'esm' ? 'module' : 'commonjs', '-e', body],
        { env: { PATH: process.env['PATH'] ?? '', HTTPS_PROXY: proxy.url }, encoding: 'utf8' },
      );
      expect(stdout.trim()).toBe('LiveProxyError 403');
      expect(proxy.connects).toBe(1);
    },
  );
});
