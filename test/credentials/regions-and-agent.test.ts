// Region endpoint overrides by the official variable names, the "did you mean" of an unknown
// region, and the User-Agent on every request (Live and IAM, both senders).
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  createLiveClient,
  regionOverrideVariable,
  resolveEndpoint,
  VERSION,
} from '../../src/index.js';
import { clearProjectIdCache, createNodeLiveClient } from '../../src/node/index.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'REGIONTESTAK';
const SK = 'region-test-secret-key';
const ID = '0123456789abcdef0123456789abcdef';
let server: VerifyingServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  delete process.env['HUAWEICLOUD_SDK_REGION_LIVE_CN_EAST_3'];
  delete process.env['HUAWEICLOUD_SDK_REGION_LIVE_EU_WEST_101'];
});

describe('HUAWEICLOUD_SDK_REGION_LIVE_<REGION>', () => {
  it('names the variable as the official SDKs do', () => {
    expect(regionOverrideVariable('cn-north-4')).toBe('HUAWEICLOUD_SDK_REGION_LIVE_CN_NORTH_4');
  });

  it("sends a region's requests to the endpoint the variable gives (the first of a list)", async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    process.env['HUAWEICLOUD_SDK_REGION_LIVE_CN_EAST_3'] = `${server.url}/,https://second.invalid`;
    const live = createLiveClient({
      projectId: ID,
      region: 'cn-east-3',
      credentials: { accessKey: AK, secretKey: SK },
      retries: 0,
    });
    expect(live.baseUrl).toBe(server.url);
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    expect(server.received.map((r) => r.verdict)).toEqual(['ok']);
  });

  it('also for a region this package does not list; an explicit endpoint still wins', () => {
    const env = { HUAWEICLOUD_SDK_REGION_LIVE_EU_WEST_101: 'https://live.eu-west-101.example.test' };
    expect(resolveEndpoint({ region: 'eu-west-101' }, env)).toBe('https://live.eu-west-101.example.test');
    expect(resolveEndpoint({ region: 'eu-west-101', endpoint: 'http://127.0.0.1:1' }, env)).toBe('http://127.0.0.1:1');
    expect(() =>
      resolveEndpoint({ region: 'cn-north-4' }, { HUAWEICLOUD_SDK_REGION_LIVE_CN_NORTH_4: 'ftp://x' }),
    ).toThrow(/HUAWEICLOUD_SDK_REGION_LIVE_CN_NORTH_4: endpoint "ftp:\/\/x" must use http: or https:/);
  });

  it('an unknown region without a variable keeps its error, with a suggestion when one is close', () => {
    expect(() => resolveEndpoint({ region: 'cn-nroth-4' }, {})).toThrow(
      /unknown region "cn-nroth-4" \(did you mean "cn-north-4"\?\); Live regions are cn-north-4, .*HUAWEICLOUD_SDK_REGION_LIVE_CN_NROTH_4/,
    );
    expect(() => resolveEndpoint({ region: 'mars-1' }, {})).toThrow(ConfigurationError);
    expect(() => resolveEndpoint({ region: 'mars-1' }, {})).not.toThrow(/did you mean/);
  });
});

describe('User-Agent', () => {
  const expected = new RegExp(
    `^live-https-cert/${VERSION.replace(/\./g, '\\.')} node/${process.versions.node.replace(/\./g, '\\.')} ${process.platform}/${process.arch}$`,
  );

  it.each([
    ['fetch', createLiveClient],
    ['node:http', createNodeLiveClient],
  ] as const)('on every request over %s, the IAM lookup included', async (_sender, create) => {
    clearProjectIdCache();
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    const live = create({
      endpoint: server.url,
      iamEndpoint: server.url,
      credentials: { accessKey: AK, secretKey: SK },
      retries: 0,
    });
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    await live.deleteDomainHttpsCert({ domain: 'play.example.com' });
    expect(server.received).toHaveLength(3);
    for (const request of server.received) {
      expect(request.headers['user-agent']).toMatch(expected);
      expect(request.verdict).toBe('ok');
    }
  });

  it('token requests carry it too', async () => {
    server = await startVerifyingServer({ tokens: ['ua-test-token'] });
    await createLiveClient({
      projectId: ID,
      endpoint: server.url,
      credentials: { token: 'ua-test-token' },
    }).showDomainHttpsCert({ domain: 'play.example.com' });
    expect(server.received[0]?.headers['user-agent']).toMatch(expected);
  });
});
