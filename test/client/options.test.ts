// Client options: regions, endpoints and credentials that cannot work are refused up front.
import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  createLiveClient,
  createTransport,
  LIVE_REGIONS,
  resolveEndpoint,
  serviceEndpoint,
} from '../../src/index.js';

const base = { projectId: '0123456789abcdef0123456789abcdef', credentials: { token: 't0ken-value' } };

describe('endpoints', () => {
  it('maps every Live region to its endpoint, cn-north-4 by default', () => {
    expect(createLiveClient(base).baseUrl).toBe('https://live.cn-north-4.myhuaweicloud.com');
    for (const region of LIVE_REGIONS) {
      expect(createLiveClient({ ...base, region }).baseUrl).toBe(`https://live.${region}.myhuaweicloud.com`);
    }
  });

  it('refuses an unknown region and lists the known ones', () => {
    const error = (() => {
      try {
        createLiveClient({ ...base, region: 'eu-west-0' as never });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option: 'region' });
    for (const region of LIVE_REGIONS) expect((error as Error).message).toContain(region);
  });

  it('an explicit endpoint wins over the region: any host, port, http', () => {
    expect(createLiveClient({ ...base, region: 'cn-east-3', endpoint: 'http://127.0.0.1:8080/' }).baseUrl).toBe(
      'http://127.0.0.1:8080',
    );
    expect(resolveEndpoint({ endpoint: 'https://gateway.internal.example:8443/live' })).toBe(
      'https://gateway.internal.example:8443/live',
    );
  });

  it.each(['not a url', 'ftp://example.com', 'https://example.com/?x=1'])('refuses the endpoint %j', (endpoint) => {
    expect(() => createLiveClient({ ...base, endpoint })).toThrow(ConfigurationError);
  });
});

describe('credentials and settings', () => {
  it.each([
    ['projectId', { ...base, projectId: '' }],
    ['projectId', { ...base, projectId: 'has space' }],
    ['credentials', { ...base, credentials: undefined as never }],
    ['credentials.secretKey', { ...base, credentials: { accessKey: 'AK', secretKey: '' } }],
    ['credentials.accessKey', { ...base, credentials: { accessKey: '', secretKey: 'sk' } as never }],
    ['credentials.token', { ...base, credentials: { token: 'line\nbreak' } }],
    ['credentials.securityToken', { ...base, credentials: { accessKey: 'AK', secretKey: 'sk', securityToken: 'a b' } }],
    ['timeoutMs', { ...base, timeoutMs: 0 }],
    ['retries', { ...base, retries: -1 }],
    ['retries', { ...base, retries: 1.5 }],
  ])('refuses a bad %s', (option, options) => {
    expect(() => createLiveClient(options)).toThrow(expect.objectContaining({ name: 'ConfigurationError', option }));
  });

  it('never puts a secret in a configuration error', () => {
    try {
      createLiveClient({
        ...base,
        credentials: { accessKey: 'AK', secretKey: 'super-secret-value', securityToken: 'bad token with spaces' },
      });
    } catch (e) {
      expect(JSON.stringify(e) + String(e)).not.toContain('super-secret-value');
      expect(JSON.stringify(e) + String(e)).not.toContain('bad token with spaces');
      return;
    }
    expect.unreachable();
  });

  // A secret where an id goes (swapped variables, a shifted argument): short and printable, it
  // would be shown as the wrong id was; the error gives its length instead.
  const SK = 'IdCheckSecretKey0123456789abcdefGHIJKLMN';
  const TOKEN = 'IdCheckSecurityToken0123456789abcdef';
  const aksk = { accessKey: 'IDCHECKAK', secretKey: SK, securityToken: TOKEN };
  it.each([
    ['projectId', 'the SK', { projectId: SK }],
    ['projectId', 'a cut copy of the SK', { projectId: SK.slice(0, 24) }],
    ['domainId', 'the security token', { domainId: TOKEN }],
    ['domainId', 'the SK (HUAWEICLOUD_SDK_DOMAIN_ID)', { env: { HUAWEICLOUD_SDK_DOMAIN_ID: SK } }],
  ])('a %s that is %s is described by its length, never shown', (option, _what, given) => {
    const refused = (() => {
      try {
        createLiveClient({ ...base, credentials: aksk, ...given });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toMatchObject({ name: 'ConfigurationError', option });
    const text = JSON.stringify(refused) + String(refused);
    expect(text).toMatch(/of \d+ characters \(not shown\) is not 32 hexadecimal digits/);
    for (const secret of [SK, TOKEN, SK.slice(0, 24)]) expect(text).not.toContain(secret);
  });

  it("a provider's project id that is its SK is not shown either", async () => {
    const live = createLiveClient({
      credentials: async () => ({ ...aksk, projectId: SK }),
      endpoint: 'http://127.0.0.1:9',
      allowInsecureHttp: true,
    });
    const refused = await live.resolveProjectId().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ name: 'ConfigurationError', option: 'projectId' });
    expect(JSON.stringify(refused) + String(refused)).not.toContain(SK);
  });
});

describe('version', () => {
  it('VERSION is the package.json version', async () => {
    const { VERSION } = await import('../../src/index.js');
    const { readFileSync } = await import('node:fs');
    expect(VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});

describe('one owner for each rule', () => {
  it('the exported createTransport checks the retries range itself', () => {
    const authorize = () => undefined;
    for (const retries of [-1, 1.5, 11, Number.NaN]) {
      expect(() => createTransport({ authorize, retries })).toThrow(/retries must be a whole number from 0 to 10/);
    }
    expect(() => createTransport({ authorize, retries: 10 })).not.toThrow();
  });

  it('fetch and sender together are refused, by the client and the transport alike', () => {
    const fetch = async () => new Response(null);
    const sender = async () => ({ status: 200, statusText: '', headers: [], body: new Uint8Array() });
    expect(() => createLiveClient({ ...base, fetch, sender })).toThrow(/give fetch or sender, not both/);
    expect(() => createTransport({ authorize: () => undefined, fetch, sender })).toThrow(ConfigurationError);
  });

  it('the signing algorithm: any letter case, one message', () => {
    expect(() => createLiveClient({ ...base, signingAlgorithm: 'SDK-HMAC-MD5' as never })).toThrow(
      'signingAlgorithm must be SDK-HMAC-SHA256 or SDK-HMAC-SM3, got "SDK-HMAC-MD5"',
    );
    expect(() => createLiveClient({ ...base, signingAlgorithm: 'sdk-hmac-sha256' as never })).not.toThrow();
  });

  it('Live and any other service read their region override from the env option', () => {
    const env = { HUAWEICLOUD_SDK_REGION_LIVE_CN_EAST_3: 'http://127.0.0.1:8080' };
    expect(createLiveClient({ ...base, region: 'cn-east-3', env }).baseUrl).toBe('http://127.0.0.1:8080');
    expect(serviceEndpoint('live', { region: 'cn-east-3' }, {})).toBe('https://live.cn-east-3.myhuaweicloud.com');
  });
});
