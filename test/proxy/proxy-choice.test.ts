// The proxy choice read as curl reads it: which variable wins, NO_PROXY forms, the explicit option,
// and bad values refused without echoing credentials.
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { proxyChoice, redactProxyUrl } from '../../src/transport/proxy-choice.js';

const to = (choice: ReturnType<typeof proxyChoice>, url: string) => choice.proxyFor(new URL(url))?.href;

describe('proxy variables', () => {
  it('https_proxy for https, http_proxy for http, nothing when unset', () => {
    const choice = proxyChoice(undefined, { HTTPS_PROXY: 'http://s.proxy:3128', HTTP_PROXY: 'http://p.proxy:8080' });
    expect(to(choice, 'https://live.myhuaweicloud.com/v1')).toBe('http://s.proxy:3128/');
    expect(to(choice, 'http://127.0.0.1:9000/v1')).toBe('http://p.proxy:8080/');
    expect(to(proxyChoice(undefined, {}), 'https://live.myhuaweicloud.com/')).toBeUndefined();
  });

  it('the lowercase name wins over the uppercase one (as curl); an empty one falls through', () => {
    expect(
      to(proxyChoice(undefined, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' }), 'https://h/'),
    ).toBe('http://lower:1/');
    expect(
      to(proxyChoice(undefined, { http_proxy: 'http://lower:1', HTTP_PROXY: 'http://upper:2' }), 'http://h/'),
    ).toBe('http://lower:1/');
    expect(to(proxyChoice(undefined, { https_proxy: '', HTTPS_PROXY: 'http://upper:2' }), 'https://h/')).toBe(
      'http://upper:2/',
    );
    const bypass = proxyChoice(undefined, { HTTPS_PROXY: 'http://p:1', no_proxy: 'h', NO_PROXY: 'other' });
    expect(to(bypass, 'https://h/')).toBeUndefined();
    expect(to(bypass, 'https://other/')).toBe('http://p:1/');
  });

  it('a proxy without a scheme is http, as curl takes it', () => {
    expect(to(proxyChoice(undefined, { HTTPS_PROXY: 'proxy.corp:3128' }), 'https://h/')).toBe(
      'http://proxy.corp:3128/',
    );
  });

  it.each([
    ['exact host', 'live.example.com', 'https://live.example.com/', true],
    ['suffix on a dot boundary', 'example.com', 'https://live.example.com/', true],
    ['not a bare suffix', 'example.com', 'https://notexample.com/', false],
    ['leading dot matches the domain and below', '.example.com', 'https://example.com/', true],
    ['leading dot, subdomain', '.example.com', 'https://a.b.example.com/', true],
    ['leading *.', '*.example.com', 'https://a.example.com/', true],
    ['case-insensitive', 'EXAMPLE.com', 'https://Live.Example.COM/', true],
    ['star alone: everything', '*', 'https://anything.test/', true],
    ['port must match', 'example.com:8443', 'https://live.example.com:8443/', true],
    ['other port', 'example.com:8443', 'https://live.example.com/', false],
    ['default port counts', 'example.com:443', 'https://live.example.com/', true],
    ['IPv4', '127.0.0.1', 'http://127.0.0.1:8080/', true],
    ['IPv4 with port', '127.0.0.1:8080', 'http://127.0.0.1:9090/', false],
    ['IPv4 is not a suffix', '0.0.1', 'http://127.0.0.1/', false],
    ['CIDR', '10.0.0.0/8', 'http://10.1.2.3/', true],
    ['CIDR, outside', '10.0.0.0/8', 'http://11.1.2.3/', false],
    ['CIDR /24 edge', '192.168.1.0/24', 'http://192.168.1.255/', true],
    ['CIDR /24 outside', '192.168.1.0/24', 'http://192.168.2.0/', false],
    ['IPv6 bare', '::1', 'http://[::1]:8080/', true],
    ['IPv6 bracketed with port', '[::1]:8080', 'http://[::1]:8080/', true],
    ['list with spaces and commas', 'a.test, b.test  c.test', 'https://x.c.test/', true],
    ['empty list', '', 'https://live.example.com/', false],
  ])('NO_PROXY %s: %s vs %s -> bypass %s', (_name, noProxy, url, bypass) => {
    const choice = proxyChoice(undefined, { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1', NO_PROXY: noProxy });
    expect(to(choice, url) === undefined).toBe(bypass);
  });
});

describe('the proxy option', () => {
  it('replaces both variables; NO_PROXY still applies', () => {
    const choice = proxyChoice('http://explicit:9', { HTTPS_PROXY: 'http://env:1', NO_PROXY: 'direct.test' });
    expect(to(choice, 'https://h/')).toBe('http://explicit:9/');
    expect(to(choice, 'http://h/')).toBe('http://explicit:9/');
    expect(to(choice, 'https://direct.test/')).toBeUndefined();
  });

  it('false ignores the environment', () => {
    expect(to(proxyChoice(false, { HTTPS_PROXY: 'http://env:1' }), 'https://h/')).toBeUndefined();
  });

  it.each([
    ['socks5://user:pw-secret-123@p:1080', 'only http:// and https://'],
    ['http://user:pw-secret-123@p:1080/some/path', 'without a path'],
    ['http://user:pw-secret-123@[bad', 'not a valid proxy URL'],
    ['http://user:pw-secret-123%zz@p:3128', 'not valid percent-encoding'],
  ])('refuses %s as a ConfigurationError that does not echo the password', (value, says) => {
    let caught: unknown;
    try {
      proxyChoice(value, {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expect((caught as Error).message).toContain(says);
    expect(JSON.stringify(caught)).not.toContain('pw-secret-123');
    expect((caught as Error).message).not.toContain('pw-secret-123');
  });

  it('a bad variable is named, its value not echoed', () => {
    expect(() => proxyChoice(undefined, { https_proxy: 'socks5://u:pw-secret-123@p:1' })).toThrow(
      /https_proxy uses socks5/,
    );
  });

  it('redactProxyUrl drops user and password', () => {
    expect(redactProxyUrl(new URL('http://alice:s3cret@proxy.corp:3128'))).toBe('http://***@proxy.corp:3128');
    expect(redactProxyUrl(new URL('http://proxy.corp:3128'))).toBe('http://proxy.corp:3128');
  });
});
