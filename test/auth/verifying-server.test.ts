// Requests of both clients pass a server that verifies signatures as the gateway does; wrong
// keys and tampered requests do not; a server clock 20 minutes off is corrected once.
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveClient, LiveApiError, type LiveClientOptions } from '../../src/index.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'VERIFYTESTAK';
const SK = 'verify-test-secret-key-not-real';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const BODY = {
  certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  certificate_key: 'key text',
  force_redirect: true,
};

let server: VerifyingServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function client(url: string, overrides: Partial<LiveClientOptions> = {}) {
  return createLiveClient({
    projectId: PROJECT_ID,
    endpoint: url,
    credentials: { accessKey: AK, secretKey: SK },
    retries: 0,
    ...overrides,
  });
}

describe('the verifying server accepts correct signatures', () => {
  it('thin client: update, show and delete all verify', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = client(server.url);
    await live.updateDomainHttpsCert({ domain: 'play.example.com', body: BODY });
    await expect(live.showDomainHttpsCert({ domain: 'play.example.com' })).resolves.toMatchObject({
      certificate_format: 'PEM',
    });
    await live.deleteDomainHttpsCert({ domain: 'play.example.com' });
    expect(server.received.map((r) => [r.method, r.verdict])).toEqual([
      ['PUT', 'ok'],
      ['GET', 'ok'],
      ['DELETE', 'ok'],
    ]);
  });

  it('thin client: temporary credentials sign X-Security-Token too', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = client(server.url, {
      credentials: { accessKey: AK, secretKey: SK, securityToken: 'temporary-security-token-value' },
    });
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    const [request] = server.received;
    expect(request?.verdict).toBe('ok');
    expect(request?.headers['x-security-token']).toBe('temporary-security-token-value');
    expect(request?.headers['authorization']).toContain(
      'SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date;x-security-token,',
    );
  });

  it('domains with unicode and reserved characters verify (query canonicalisation)', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = client(server.url);
    for (const domain of ['直播.例子.中国', "a!*'();:@&=+$,[]b.com", 'xn--fsq.com', '%41.example.com']) {
      await live.showDomainHttpsCert({ domain });
    }
    expect(server.received.map((r) => r.verdict)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});

describe('the verifying server refuses what is wrong', () => {
  it('a wrong SK gives 401 APIGW.0301, not retried, with the server canonical request in errorMsg', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = client(server.url, {
      credentials: { accessKey: AK, secretKey: 'not-the-right-secret-key' },
      retries: 2,
    });
    const error = await live.showDomainHttpsCert({ domain: 'play.example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveApiError);
    expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0301', attempts: 1 });
    expect((error as LiveApiError).errorMsg).toContain('canonicalRequest: GET|/v1/');
    expect(server.received).toHaveLength(1);
  });

  const tampers: [string, (init: RequestInit, url: URL) => [URL, RequestInit]][] = [
    [
      'a body byte',
      (init, url) => [
        url,
        { ...init, body: String(new TextDecoder().decode(init.body as Uint8Array)).replace('MIIB', 'MIIC') },
      ],
    ],
    ['the query', (init, url) => [new URL(url.href.replace('play.example.com', 'evil.example.com')), init]],
    [
      'a signed header',
      (init, url) => [
        url,
        { ...init, headers: { ...(init.headers as Record<string, string>), 'x-project-id': 'another-project' } },
      ],
    ],
    ['the path', (init, url) => [new URL(url.href.replace(PROJECT_ID, 'another-project')), init]],
    ['the method', (init, url) => [url, { ...init, method: 'POST' }]],
  ];
  it.each(tampers)('changing %s after signing fails verification', async (_what, tamper) => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = client(server.url, {
      fetch: (input, init) => {
        const [url, changed] = tamper(init ?? {}, new URL(String(input)));
        return fetch(url, changed);
      },
    });
    const error = await live.updateDomainHttpsCert({ domain: 'play.example.com', body: BODY }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
    expect(server.received.map((r) => r.verdict)).toEqual(['bad-signature']);
  });
});

describe('retries are signed again', () => {
  it('a retry after Retry-After carries a new X-Sdk-Date and a new signature, and both verify', async () => {
    let calls = 0;
    server = await startVerifyingServer({
      keys: { [AK]: SK },
      reply: () =>
        ++calls === 1
          ? { status: 429, body: { error_code: 'APIGW.0308', error_msg: 'throttled' }, headers: { 'retry-after': '1' } }
          : { status: 200, body: {} },
    });
    await client(server.url, { retries: 2 }).showDomainHttpsCert({ domain: 'play.example.com' });
    const [first, second] = server.received;
    expect([first?.verdict, second?.verdict]).toEqual(['ok', 'ok']);
    expect(second?.headers['x-sdk-date']).not.toBe(first?.headers['x-sdk-date']);
    expect(second?.headers['authorization']).not.toBe(first?.headers['authorization']);
  });
});

describe('clock skew', () => {
  it.each([
    ['ahead', 20 * 60 * 1000],
    ['behind', -20 * 60 * 1000],
  ])(
    'a server clock 20 min %s: the first call re-signs once with the corrected date, later calls sign right first time',
    async (_dir, offset) => {
      server = await startVerifyingServer({ keys: { [AK]: SK }, clockOffsetMs: offset });
      const live = client(server.url);
      await live.updateDomainHttpsCert({ domain: 'play.example.com', body: BODY });
      expect(server.received.map((r) => r.verdict)).toEqual(['expired', 'ok']);
      const signedDate = server.received[1]!.headers['x-sdk-date']!;
      const serverNow = Date.now() + offset;
      const parsed = Date.UTC(
        +signedDate.slice(0, 4),
        +signedDate.slice(4, 6) - 1,
        +signedDate.slice(6, 8),
        +signedDate.slice(9, 11),
        +signedDate.slice(11, 13),
        +signedDate.slice(13, 15),
      );
      expect(Math.abs(parsed - serverNow)).toBeLessThan(60_000);
      await live.showDomainHttpsCert({ domain: 'play.example.com' });
      expect(server.received.map((r) => r.verdict)).toEqual(['expired', 'ok', 'ok']);
    },
  );

  it('re-signs only once: a server that keeps refusing gives the 401', async () => {
    server = await startVerifyingServer({
      keys: { [AK]: SK },
      clockOffsetMs: 20 * 60 * 1000,
      reply: () => ({ status: 401, body: { error_code: 'APIGW.0301', error_msg: 'signature expired' } }),
    });
    const live = client(server.url, { retries: 3 });
    const error = await live.showDomainHttpsCert({ domain: 'play.example.com' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0301', attempts: 2 });
  });

  it('token requests are not date-sensitive and are never re-sent on 401', async () => {
    server = await startVerifyingServer({ tokens: ['valid-token-value'], clockOffsetMs: 20 * 60 * 1000 });
    const live = client(server.url, { credentials: { token: 'wrong-token-value' } });
    const error = await live.showDomainHttpsCert({ domain: 'play.example.com' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, attempts: 1 });
  });
});
