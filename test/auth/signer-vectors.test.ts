// The published SDK-HMAC-SHA256 vectors (AK "AccessKey", SK "SecretKey") and the Live vector.
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAkSkSigner } from '../../src/auth/aksk-signer.js';
import { computeSignature } from '../../src/auth/signature.js';
import { canonicalQuery, canonicalUri, formatSdkDate, parseSdkDate } from '../../src/auth/canonical.js';
import { defaultHash, sha256Digest, type SigningHash, webCryptoHash } from '../../src/auth/hash.js';

const bytes = (text: string) => new TextEncoder().encode(text);
let hash: SigningHash = webCryptoHash;

async function sign(method: string, url: string, date: string, signedHeaders: string[], body?: string) {
  const parsed = new URL(url);
  const headers = { host: parsed.host, 'x-sdk-date': date };
  const hmac = hash.hmacSha256Hex(bytes('SecretKey'));
  return (
    await computeSignature(
      { method, url: parsed, headers, signedHeaders, body: body === undefined ? undefined : bytes(body) },
      hmac,
      sha256Digest(hash),
    )
  ).signature;
}

// Each hash implementation the signer can run on: Web Crypto (browsers, edge) and the built-in
// crypto found through process.getBuiltinModule (the default on Node, Deno, Bun).
describe.each([
  ['Web Crypto', webCryptoHash],
  ['built-in crypto (default)', defaultHash()],
])('published vectors with %s hashing', (_name, implementation) => {
  beforeEach(() => {
    hash = implementation;
  });

  it('1: GET with host and x-sdk-date signed, empty body', async () => {
    expect(
      await sign('GET', 'https://service.endpoint.myhuaweicloud.com/resources?size=1', '20200608T023900Z', [
        'host',
        'x-sdk-date',
      ]),
    ).toBe('cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842');
  });

  it('2: the same as a POST with a JSON body', async () => {
    expect(
      await sign(
        'POST',
        'https://service.endpoint.myhuaweicloud.com/resources?size=1',
        '20200608T023900Z',
        ['host', 'x-sdk-date'],
        '{"name":"test","id":1}',
      ),
    ).toBe('436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f');
  });

  it('3: GET with only x-sdk-date signed', async () => {
    expect(await sign('GET', 'https://example.huaweicloud.com/path?limit=1', '20060102T150405Z', ['x-sdk-date'])).toBe(
      '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('4: POST whose body ends with a newline (the hash covers the exact bytes)', async () => {
    expect(
      await sign(
        'POST',
        'https://example.huaweicloud.com/path?key=value',
        '20060102T150405Z',
        ['x-sdk-date'],
        '{"Name":"test","Id":1}\n',
      ),
    ).toBe('cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
  });

  it('5: canonical query with unicode, reserved characters and a repeated name', () => {
    const query = new URLSearchParams();
    for (const [name, value] of [
      ['limit', '1'],
      ['enable', 'true'],
      ['test', '一 (&=?!#%.*)'],
      ['path', '/tmp/123'],
      ['multi', '3'],
      ['multi', '1'],
      ['multi', '2'],
    ]) {
      query.append(name!, value!);
    }
    expect(canonicalQuery(`?${query.toString()}`)).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });

  // The published vector's body holds a key-shaped placeholder ("MIIE"), not a key.
  it('6: the Live PUT, through the signer the client uses', async () => {
    const url = new URL(
      'https://live.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef0123456789abcdef/guard/https-cert?domain=play.example.com',
    );
    const body = JSON.stringify({
      certificate_format: 'PEM',
      certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      certificate_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
      force_redirect: true,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-project-id': '0123456789abcdef0123456789abcdef',
    };
    const signer = createAkSkSigner({ accessKey: 'AccessKey', secretKey: 'SecretKey' }, hash);
    await signer({ method: 'PUT', url, headers, body: bytes(body) }, new Date(Date.UTC(2024, 0, 1)));
    expect(headers['x-sdk-date']).toBe('20240101T000000Z');
    expect(headers['authorization']).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=f6a993ffb7040f2d208ffdc8dee0843c7a4e58b9a117be6d7c9e868cf01a33bb',
    );
    expect(headers).not.toHaveProperty('host');
  });

  // The text signed is kept on the request for the call log, and the canonical request holds the
  // signed security token in clear. A caller's own sender or log that prints a request without
  // its secret headers (JSON, a spread, util.inspect) must not print it from there.
  it('keeps what it signed out of sight: not an enumerable field of the request', async () => {
    const token = 'SIGNER-VECTORS-SECURITY-TOKEN-0123456789';
    const url = new URL(
      'https://live.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef0123456789abcdef/guard/https-cert',
    );
    const request = { method: 'GET', url, headers: {} as Record<string, string>, body: undefined };
    const signer = createAkSkSigner({ accessKey: 'AccessKey', secretKey: 'SecretKey', securityToken: token }, hash);
    await signer(request, new Date(Date.UTC(2024, 0, 1)));
    expect(request.headers['x-security-token']).toBe(token);
    const { 'x-security-token': _token, ...shownHeaders } = request.headers;
    const printed = [
      JSON.stringify({ ...request, headers: shownHeaders }),
      inspect({ ...request, headers: shownHeaders }),
      inspect(Object.assign(request, { headers: shownHeaders })),
    ];
    for (const text of printed) expect(text).not.toContain(token);
    // Still there for the call log (log/call-log.ts): the canonical request with the token line.
    expect(request).toHaveProperty('signed.canonicalRequest', expect.stringContaining(`x-security-token:${token}`));
  });
});

describe('canonical pieces', () => {
  it('always ends the canonical URI with a slash, and encodes each segment', () => {
    expect(canonicalUri('/v1/p/guard/https-cert')).toBe('/v1/p/guard/https-cert/');
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('/v1/%E4%B8%80%20a/x')).toBe('/v1/%E4%B8%80%20a/x/');
    expect(canonicalUri("/v1/a!*'()/x")).toBe('/v1/a%21%2A%27%28%29/x/');
  });

  it('keeps empty values as name= and sorts repeated names by value', () => {
    expect(canonicalQuery('?b=&a=2&a=1&c')).toBe('a=1&a=2&b=&c=');
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery('?q=a+b')).toBe('q=a%20b');
  });

  it('formats and parses X-Sdk-Date', () => {
    const date = new Date(Date.UTC(2026, 10, 28, 6, 5, 9, 999));
    expect(formatSdkDate(date)).toBe('20261128T060509Z');
    expect(parseSdkDate('20261128T060509Z')?.toISOString()).toBe('2026-11-28T06:05:09.000Z');
    expect(parseSdkDate('2026-11-28')).toBeUndefined();
  });
});
