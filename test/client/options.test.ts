// Client options: regions, endpoints and credentials that cannot work are refused up front.
import { describe, expect, it } from 'vitest';
import { ConfigurationError, createLiveClient, LIVE_REGIONS, resolveEndpoint } from '../../src/index.js';

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
});

describe('version', () => {
  it('VERSION is the package.json version', async () => {
    const { VERSION } = await import('../../src/index.js');
    const { readFileSync } = await import('node:fs');
    expect(VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
