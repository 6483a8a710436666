// Our signer against the official @huaweicloud/huaweicloud-sdk-core AKSKSigner, over requests
// generated with unicode and reserved characters, empty and large bodies, sent through the real
// client (a capturing fetch answers, so what is compared is what would go on the wire).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createAkSkSigner } from '../../src/auth/aksk-signer.js';
import { createLiveClient, type DomainHttpsCertInfo } from '../../src/index.js';
import { pick, randomString, seededRandom } from '../support/random.js';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: object, credential: { getAk(): string; getSk(): string }): Record<string, string> };
};

const ASCII = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~'];
// Reserved characters for a path segment. Left out: what the official SDK's legacy url.parse
// escapes before encoding again (space, quotes, {}|\^`<>), which it double-encodes, and the
// separators / ? # % that cannot stand in one segment.
const PATH_RESERVED = [...'!*();:@&=+$,'];
const UNICODE = ['一', 'é', 'ß', '😀', 'ж', '中文', '\u00a0'];
const QUERY_EXTRA = [...PATH_RESERVED, ...UNICODE, ...' \'"&=+?#/%[]{}|\\^`<>'];
const BODY_EXTRA = [...QUERY_EXTRA, '\n', '\r\n', '\t', '"', '\\', '\u2028'];

interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function capturingClient(
  credentials: { accessKey: string; secretKey: string; securityToken?: string },
  projectId: string,
  captured: Captured[],
) {
  return createLiveClient({
    projectId,
    endpoint: 'https://live.cn-north-4.myhuaweicloud.com',
    credentials,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      captured.push({ method: request.method, url: request.url, headers, body: await request.text() });
      return request.method === 'GET'
        ? Response.json({ certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false })
        : new Response(null, { status: request.method === 'DELETE' ? 204 : 200 });
    },
  });
}

function officialAuthorization(
  c: Captured,
  projectId: string,
  domain: string,
  credentials: { accessKey: string; secretKey: string },
): string {
  // The User-Agent is signed, as the official SDKs sign theirs, so the official signer sees it too.
  const { authorization: _ours, host: _host, 'content-length': _length, 'x-sdk-date': sdkDate, ...sent } = c.headers;
  const request = {
    method: c.method,
    endpoint: `https://live.cn-north-4.myhuaweicloud.com/v1/${projectId}/guard/https-cert`,
    // The official signer looks the date up under this exact spelling (else it signs "now").
    headers: { ...sent, 'X-Sdk-Date': sdkDate },
    queryParams: { domain },
    data: c.body ? JSON.parse(c.body) : undefined,
  };
  return AKSKSigner.sign(request, { getAk: () => credentials.accessKey, getSk: () => credentials.secretKey })[
    'Authorization'
  ]!;
}

describe('differential: our signer vs the official Node SDK signer', () => {
  it('agrees on 1,200 generated requests through the client', async () => {
    const random = seededRandom(20261128);
    let compared = 0;
    for (let i = 0; i < 1200; i++) {
      // Through the client a project id is what the spec allows (32 hex digits); reserved and
      // unicode path characters are compared at the signer level below.
      const projectId = randomString(random, [...'0123456789abcdef'], 32, 32);
      const domain = randomString(random, random() < 0.3 ? ASCII : [...ASCII, ...QUERY_EXTRA], 1, 120).replace(
        /[\s/?#]/g,
        'a',
      );
      const credentials = {
        accessKey: randomString(random, ASCII, 10, 40),
        secretKey: randomString(random, [...ASCII, ...'!@#$%^&*()', 'ключ'], 8, 64),
        ...(random() < 0.2 ? { securityToken: randomString(random, ASCII, 20, 300) } : {}),
      };
      const captured: Captured[] = [];
      const client = capturingClient(credentials, projectId, captured);
      const operation = pick(random, ['update', 'show', 'delete'] as const);
      if (operation === 'update') {
        const large = random() < 0.2;
        const body: DomainHttpsCertInfo = {
          certificate_format: 'PEM',
          certificate: randomString(random, [...ASCII, ...BODY_EXTRA], large ? 10_000 : 1, large ? 12_288 : 200),
          certificate_key: randomString(random, [...ASCII, ...BODY_EXTRA], large ? 6_000 : 1, large ? 8_000 : 200),
          force_redirect: random() < 0.5,
        };
        await client.updateDomainHttpsCert({ domain, body });
      } else if (operation === 'show') {
        await client.showDomainHttpsCert({ domain });
      } else {
        await client.deleteDomainHttpsCert({ domain });
      }
      expect(captured).toHaveLength(1);
      const [request] = captured as [Captured];
      if (operation !== 'update') expect(request.body).toBe('');
      const official = officialAuthorization(request, projectId, domain, credentials);
      if (request.headers['authorization'] !== official) {
        expect.fail(
          `case ${i}: ${request.method} ${request.url}\nours:     ${request.headers['authorization']}\nofficial: ${official}`,
        );
      }
      compared++;
    }
    expect(compared).toBe(1200);
  });

  it('agrees on 1,000 generated signer inputs with unicode project ids, empty and large bodies', async () => {
    const random = seededRandom(7);
    const encoder = new TextEncoder();
    for (let i = 0; i < 1000; i++) {
      const projectId = randomString(random, [...ASCII, ...PATH_RESERVED, ...UNICODE], 1, 40);
      const domain = randomString(random, [...ASCII, ...QUERY_EXTRA], 0, 120);
      const method = pick(random, ['PUT', 'GET', 'DELETE', 'PUT'] as const);
      const shape = pick(random, ['empty', 'small', 'large'] as const);
      const data =
        method !== 'PUT' || shape === 'empty'
          ? undefined
          : {
              certificate: randomString(
                random,
                [...ASCII, ...QUERY_EXTRA],
                shape === 'large' ? 20_000 : 1,
                shape === 'large' ? 60_000 : 100,
              ),
              force_redirect: random() < 0.5,
            };
      const body = data === undefined ? undefined : encoder.encode(JSON.stringify(data));
      const headers: Record<string, string> = data === undefined ? {} : { 'content-type': 'application/json' };
      if (random() < 0.5) headers['x-extra'] = randomString(random, ASCII, 1, 20);
      const secretKey = randomString(random, [...ASCII, ...UNICODE], 1, 64);
      const url = new URL(
        `https://live.cn-north-4.myhuaweicloud.com/v1/${encodeURIComponent(projectId)}/guard/https-cert?domain=${encodeURIComponent(domain)}`,
      );
      await createAkSkSigner({ accessKey: 'AK', secretKey })(
        { method, url, headers, body },
        new Date(Date.UTC(2026, 0, 1 + (i % 300), i % 24)),
      );
      const { authorization, 'x-sdk-date': sdkDate, ...sent } = headers;
      const official = AKSKSigner.sign(
        {
          method,
          endpoint: `https://live.cn-north-4.myhuaweicloud.com/v1/${projectId}/guard/https-cert`,
          headers: { ...sent, 'X-Sdk-Date': sdkDate },
          queryParams: { domain },
          data,
        },
        { getAk: () => 'AK', getSk: () => secretKey },
      )['Authorization'];
      if (authorization !== official)
        expect.fail(`case ${i}: ${method} ${url.href}\nours:     ${authorization}\nofficial: ${official}`);
    }
  });
});
