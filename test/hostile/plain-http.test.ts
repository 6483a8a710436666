// No private key over plain HTTP: an http:// endpoint to another machine is refused before
// anything is sent (shown through a loopback proxy that records every request it is given), unless
// the caller opts in; loopback endpoints work as before.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createLiveClient } from '../../src/index.js';
import { runInProcess } from '../support/run-cli.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'PLAINHTTPAK';
const SK = 'plain-http-secret-key';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const REMOTE = 'http://live.cn-north-4.myhuaweicloud.com';
const BODY = { certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', certificate_key: 'KEY' };

let proxy: TestProxy | undefined;
let server: VerifyingServer | undefined;
afterEach(async () => {
  await proxy?.stop();
  await server?.stop();
  proxy = undefined;
  server = undefined;
});

describe('plain http endpoints', () => {
  it('the library refuses http://live.cn-north-4.myhuaweicloud.com with a ConfigurationError, nothing sent', async () => {
    proxy = await startTestProxy();
    const create = () =>
      createLiveClient({
        projectId: PROJECT_ID,
        endpoint: REMOTE,
        credentials: { accessKey: AK, secretKey: SK },
        proxy: proxy!.url,
      });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(/plain http.*nothing was sent.*allowInsecureHttp/s);
    expect(proxy.seen).toHaveLength(0);
    expect(proxy.connects).toBe(0);
  });

  it('allowInsecureHttp: true lets it through (the proxy sees the request)', async () => {
    proxy = await startTestProxy({ mode: { kind: 'refuse', status: 502 } });
    const live = createLiveClient({
      projectId: PROJECT_ID,
      endpoint: REMOTE,
      credentials: { accessKey: AK, secretKey: SK },
      proxy: proxy.url,
      allowInsecureHttp: true,
      retries: 0,
    });
    await live.updateDomainHttpsCert({ domain: 'play.example.com', body: BODY }).catch(() => undefined);
    expect(proxy.seen.length).toBeGreaterThanOrEqual(1);
  });

  it('an http IAM endpoint is refused before the project id lookup sends anything', async () => {
    proxy = await startTestProxy();
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = createLiveClient({
      endpoint: server.url,
      iamEndpoint: 'http://iam.cn-north-4.myhuaweicloud.com',
      credentials: { accessKey: AK, secretKey: SK },
      proxy: proxy.url,
    });
    await expect(live.showDomainHttpsCert({ domain: 'play.example.com' })).rejects.toThrow(/iamEndpoint .*plain http/);
    expect(proxy.seen).toHaveLength(0);
    expect(server.received).toHaveLength(0);
  });

  it.each(['127.0.0.1', 'localhost'])('http://%s:PORT works', async (host) => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = createLiveClient({
      projectId: PROJECT_ID,
      endpoint: server.url.replace('127.0.0.1', host),
      credentials: { accessKey: AK, secretKey: SK },
    });
    await live.updateDomainHttpsCert({ domain: 'play.example.com', body: BODY });
    expect(server.received.map((r) => r.verdict)).toEqual(['ok']);
  });

  it.each([
    ['HUAWEICLOUD_SDK_REGION_LIVE_CN_NORTH_4', [], { HUAWEICLOUD_SDK_REGION_LIVE_CN_NORTH_4: REMOTE }],
    ['HUAWEICLOUD_SDK_ENDPOINT', [], { HUAWEICLOUD_SDK_ENDPOINT: REMOTE }],
    ['--endpoint', ['--endpoint', REMOTE], {}],
  ])('the CLI refuses %s=http://live... (exit 2, nothing sent)', async (_name, args, env) => {
    proxy = await startTestProxy();
    const r = await runInProcess(['show', '--domain', 'play.example.com', '--project-id', PROJECT_ID, ...args], {
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      ...env,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plain http.*--allow-insecure-http/s);
    expect(proxy.seen).toHaveLength(0);
    expect(proxy.connects).toBe(0);
  });
});
