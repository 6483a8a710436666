// The proxy's failures as the commands report them, in process: a wrong password (407), a refused
// CONNECT (403), a proxy variable that cannot work. Exit codes, the proxy named without its user
// info, nothing printed of the password. (The built executable behind a working proxy, with
// NODE_EXTRA_CA_CERTS, and the process exiting after a stall: test/package/proxy.test.ts.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HttpsEndpoint, startHttpsEndpoint } from '../support/https-endpoint.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';

const PASSWORD = 'cli-proxy-pass-7Hq2';
const BASIC = Buffer.from(`bob:${PASSWORD}`).toString('base64');
const TOKEN = 'cli-proxy-test-iam-token-000000000001';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
let api: HttpsEndpoint;
let endpoint: string;
let received: HttpsEndpoint['received'];
let proxy: TestProxy | undefined;

beforeAll(async () => {
  api = await startHttpsEndpoint();
  ({ url: endpoint, received } = api);
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
  ...extra,
});

describe('CLI behind a proxy that fails', () => {
  it('a wrong proxy password: exit 3 with the proxy named (user info removed), one CONNECT, nothing printed of the password', async () => {
    proxy = await startTestProxy({ auth: { user: 'bob', password: 'another-password-1' } });
    for (const json of [false, true]) {
      const r = await runCli(
        [...remove, '--endpoint', endpoint, ...(json ? ['--json'] : [])],
        env({ HTTPS_PROXY: `http://bob:${PASSWORD}@127.0.0.1:${proxy.port}` }),
      );
      expect(r.code).toBe(3);
      expect(r.stdout + r.stderr).toContain(`http://***@127.0.0.1:${proxy.port}`);
      expect(r.stdout + r.stderr).toContain('407');
      expect(r.stdout + r.stderr).toContain('check HTTPS_PROXY / HTTP_PROXY');
      expectNoProxySecret(r.stdout + r.stderr);
    }
    expect(proxy.connects).toBe(2);
    expect(received).toHaveLength(0);
  });
  it('a proxy that refuses CONNECT with 403: exit 3 at once, one CONNECT', async () => {
    proxy = await startTestProxy({ mode: { kind: 'refuse', status: 403 } });
    const r = await runCli([...remove, '--endpoint', endpoint], env({ HTTPS_PROXY: proxy.url }));
    expect(r.code).toBe(3);
    expect(r.stderr + r.stdout).toContain('refused the request with 403');
    expect(proxy.connects).toBe(1);
  });
  it('a proxy variable that cannot work is a usage error (exit 2) naming the variable, not its value', async () => {
    const r = await runCli(
      [...remove, '--endpoint', endpoint],
      env({ HTTPS_PROXY: `socks5://bob:${PASSWORD}@127.0.0.1:1080` }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain('HTTPS_PROXY');
    expectNoProxySecret(r.stdout + r.stderr);
  });
});
