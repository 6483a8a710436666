// Invalid input never leaves the client; a request without auth gets Prism's 401.
import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import type { paths } from '../../generated/schema.js';
import { createLiveClient, LiveApiError, ValidationError, type DomainHttpsCertInfo } from '../../src/index.js';
import { expectedError } from '../support/expected.js';
import { recordingFetch } from '../support/recording-fetch.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';

function client() {
  const recorder = recordingFetch();
  const live = createLiveClient({
    projectId: PROJECT_ID,
    endpoint: inject('prismUrl'),
    credentials: { accessKey: 'CONTRACTTESTAK', secretKey: 'contract-test-secret-key-not-real' },
    fetch: recorder.fetch,
  });
  return { live, recorder };
}

const long = (n: number) => 'x'.repeat(n);
const invalidBodies: [string, string, unknown][] = [
  ['certificate_format', 'enum', { certificate_format: 'DER', certificate: 'c', certificate_key: 'k' }],
  ['force_redirect', 'type', { certificate: 'c', certificate_key: 'k', force_redirect: 'yes' }],
  // "At least one certificate" is an anyOf: the message lists every way, the field is the closest one.
  ['tls_certificate', 'no certificate at all', {}],
  ['tls_certificate', 'only force_redirect', { force_redirect: true }],
  ['certificate_key', 'certificate without key', { certificate: 'c' }],
  ['certificate', 'key without certificate', { certificate_key: 'k' }],
  ['tls_certificate.cert_id', 'scm without cert_id', { tls_certificate: { source: 'scm' } }],
  [
    'tls_certificate.certificate',
    'user without certificate',
    { tls_certificate: { source: 'user', certificate_key: 'k' } },
  ],
  ['tls_certificate.certificate_key', 'default source without key', { tls_certificate: { certificate: 'c' } }],
  ['tls_certificate.source', 'source enum', { tls_certificate: { source: 'ccm', cert_id: 'x' } }],
  [
    'tls_certificate.certificate',
    'certificate over 12,288',
    { tls_certificate: { certificate: long(12289), certificate_key: 'k' } },
  ],
  [
    'tls_certificate.certificate_key',
    'key over 8,096',
    { tls_certificate: { certificate: 'c', certificate_key: long(8097) } },
  ],
  ['tls_certificate.cert_id', 'cert_id over 128', { tls_certificate: { source: 'scm', cert_id: long(129) } }],
  [
    'tls_certificate.cert_name',
    'cert_name over 128',
    { tls_certificate: { source: 'scm', cert_id: 'i', cert_name: long(129) } },
  ],
  ['gm_certificate.cert_id', 'gm scm without cert_id', { gm_certificate: { source: 'scm' } }],
  [
    'gm_certificate.sign_certificate',
    'gm user without sign certificate',
    { gm_certificate: { sign_certificate_key: 'k', enc_certificate: 'c', enc_certificate_key: 'k' } },
  ],
  [
    'gm_certificate.enc_certificate_key',
    'gm enc key over 8,096',
    {
      gm_certificate: {
        sign_certificate: 'c',
        sign_certificate_key: 'k',
        enc_certificate: 'c',
        enc_certificate_key: long(8097),
      },
    },
  ],
  [
    'gm_certificate.sign_certificate',
    'gm sign certificate over 12,288',
    {
      gm_certificate: {
        sign_certificate: long(12289),
        sign_certificate_key: 'k',
        enc_certificate: 'c',
        enc_certificate_key: 'k',
      },
    },
  ],
  ['body', 'not an object', 'certificate'],
];

describe('client-side validation stops bad input before sending', () => {
  it.each(invalidBodies)('%s: %s', async (field, _why, body) => {
    const { live, recorder } = client();
    const error = await live
      .updateDomainHttpsCert({ domain: 'play.example.com', body: body as DomainHttpsCertInfo })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect((error as ValidationError).message).toContain(field);
    expect(recorder.exchanges).toHaveLength(0);
  });

  it.each([
    ['empty', ''],
    ['256 characters', `${'a'.repeat(252)}.com`],
    ['with a space', 'play example.com'],
  ])('rejects a domain that is %s, for every operation', async (_why, domain) => {
    const { live, recorder } = client();
    const calls = [
      live.updateDomainHttpsCert({ domain, body: { certificate: 'c', certificate_key: 'k' } }),
      live.showDomainHttpsCert({ domain }),
      live.deleteDomainHttpsCert({ domain }),
    ];
    for (const call of calls) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('domain');
    }
    expect(recorder.exchanges).toHaveLength(0);
  });

  it('accepts limits exactly at the maximum and sends them valid for Prism', async () => {
    const { live, recorder } = client();
    await live.updateDomainHttpsCert({
      domain: `${'a'.repeat(251)}.com`,
      body: {
        tls_certificate: { source: 'user', certificate: long(12288), certificate_key: long(8096) },
        gm_certificate: { source: 'scm', cert_id: long(128), cert_name: long(128) },
      },
    });
    expect(recorder.exchanges.map((e) => [e.status, e.violations])).toEqual([[200, []]]);
  });

  it('Prism itself refuses what the spec forbids (the validation mirrors a real contract)', async () => {
    const recorder = recordingFetch({ 'x-auth-token': 'contract-test-token-not-real' });
    const raw = createClient<paths>({ baseUrl: inject('prismUrl'), fetch: recorder.fetch });
    const { response } = await raw.PUT('/v1/{project_id}/guard/https-cert', {
      params: { path: { project_id: PROJECT_ID }, query: { domain: 'play.example.com' } },
      body: { tls_certificate: { certificate: long(12289), certificate_key: 'k' } },
    });
    expect(response.status).toBe(400);
    // The rules are anyOf/oneOf, so Prism lists each branch's complaint; the limit is among them.
    expect(recorder.exchanges[0]?.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: ['request', 'body', 'tls_certificate', 'certificate'], code: 'maxLength' }),
      ]),
    );
  });
});

describe('authentication', () => {
  it('a request without any auth header gets Prism 401 with the spec example', async () => {
    const recorder = recordingFetch();
    const raw = createClient<paths>({ baseUrl: inject('prismUrl'), fetch: recorder.fetch });
    const { error, response } = await raw.GET('/v1/{project_id}/guard/https-cert', {
      params: { path: { project_id: PROJECT_ID }, query: { domain: 'play.example.com' } },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual(expectedError('get', 401));
    expect(recorder.exchanges[0]?.violations).toEqual([expect.objectContaining({ code: 401 })]);
  });

  it('AK/SK without the X-Sdk-Date header is not a valid security scheme for Prism', async () => {
    const recorder = recordingFetch();
    const raw = createClient<paths>({
      baseUrl: inject('prismUrl'),
      fetch: recorder.fetch,
      headers: {
        authorization: 'SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=00',
        'x-project-id': PROJECT_ID,
      },
    });
    const { response } = await raw.DELETE('/v1/{project_id}/guard/https-cert', {
      params: { path: { project_id: PROJECT_ID }, query: { domain: 'play.example.com' } },
    });
    expect(response.status).toBe(401);
  });

  it('the client turns that 401 into a typed LiveApiError', async () => {
    const recorder = recordingFetch({ prefer: 'code=401' });
    const live = createLiveClient({
      projectId: PROJECT_ID,
      endpoint: inject('prismUrl'),
      credentials: { token: 'contract-test-token-not-real' },
      fetch: recorder.fetch,
    });
    const error = await live.deleteDomainHttpsCert({ domain: 'play.example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveApiError);
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'LIVE.100011003',
      attempts: 1,
      operation: 'DeleteDomainHttpsCert',
    });
  });
});
