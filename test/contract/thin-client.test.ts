// The thin client against Prism mocking the spec: every operation, every documented status,
// with token and AK/SK credentials; every request it sends must be valid for the spec.
import { describe, expect, inject, it } from 'vitest';
import { createLiveClient, LiveApiError, type Credentials } from '../../src/index.js';
import { EXAMPLE_REQUEST_ID, expectedError, PAGE_REQUEST_EXAMPLE, SHOW_EXAMPLE } from '../support/expected.js';
import { recordingFetch } from '../support/recording-fetch.js';
import { documentedStatuses } from '../support/spec.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const DOMAIN = 'play.example.com';
const CREDENTIALS: Record<string, Credentials> = {
  'AK/SK': { accessKey: 'CONTRACTTESTAK', secretKey: 'contract-test-secret-key-not-real' },
  token: { token: 'contract-test-token-not-real' },
};

function client(credentials: Credentials, prefer?: number) {
  const recorder = recordingFetch(prefer ? { prefer: `code=${prefer}` } : {});
  const live = createLiveClient({
    projectId: PROJECT_ID,
    endpoint: inject('prismUrl'),
    credentials,
    fetch: recorder.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { live, recorder };
}

const operations = {
  UpdateDomainHttpsCert: {
    method: 'put',
    call: (live: ReturnType<typeof client>['live']) =>
      live.updateDomainHttpsCert({ domain: DOMAIN, body: PAGE_REQUEST_EXAMPLE }),
  },
  ShowDomainHttpsCert: {
    method: 'get',
    call: (live: ReturnType<typeof client>['live']) => live.showDomainHttpsCert({ domain: DOMAIN }),
  },
  DeleteDomainHttpsCert: {
    method: 'delete',
    call: (live: ReturnType<typeof client>['live']) => live.deleteDomainHttpsCert({ domain: DOMAIN }),
  },
} as const;

const cases = Object.entries(operations).flatMap(([operation, { method }]) =>
  documentedStatuses(method).flatMap((status) =>
    Object.keys(CREDENTIALS).map((auth) => ({ operation, method, status, auth })),
  ),
);

describe('thin client against Prism', () => {
  it.each(cases)('$operation answers $status ($auth)', async ({ operation, method, status, auth }) => {
    const { live, recorder } = client(CREDENTIALS[auth]!, status);
    const call = operations[operation as keyof typeof operations].call;
    if (status < 300) {
      const result = await call(live);
      if (method === 'get') expect(result).toEqual(SHOW_EXAMPLE);
      // A 204 has no body; a 200 to update or delete is the spec's free-form object (Prism makes `{}`).
      else expect(result).toEqual({ requestId: EXAMPLE_REQUEST_ID, ...(status === 200 ? { body: {} } : {}) });
    } else {
      const error = await call(live).then(
        () => expect.unreachable('a documented error status must reject'),
        (e: unknown) => e,
      );
      const expected = expectedError(method as 'put' | 'get' | 'delete', status);
      expect(error).toBeInstanceOf(LiveApiError);
      expect(error).toMatchObject({
        status,
        errorCode: expected.error_code,
        errorMsg: expected.error_msg,
        requestId: EXAMPLE_REQUEST_ID,
        operation,
        // 500 is transient: the default policy tries three times before giving up.
        attempts: status === 500 ? 3 : 1,
      });
      expect(recorder.exchanges).toHaveLength(status === 500 ? 3 : 1);
    }
    for (const exchange of recorder.exchanges) expect(exchange.violations).toEqual([]);
  });

  it('sends the request example of the API page unchanged and valid', async () => {
    const { live, recorder } = client(CREDENTIALS['AK/SK']!);
    await live.updateDomainHttpsCert({ domain: 'play.example.huawei.com', body: PAGE_REQUEST_EXAMPLE });
    const [exchange] = recorder.exchanges;
    expect(exchange?.method).toBe('PUT');
    expect(exchange?.url).toBe(
      `${inject('prismUrl')}/v1/${PROJECT_ID}/guard/https-cert?domain=play.example.huawei.com`,
    );
    expect(exchange?.violations).toEqual([]);
    expect(exchange?.requestHeaders['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=CONTRACTTESTAK, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(exchange?.requestHeaders['x-project-id']).toBe(PROJECT_ID);
  });

  it('sends an SCM-only body (tls_certificate with cert_id) valid for the spec', async () => {
    const { live, recorder } = client(CREDENTIALS.token!);
    await live.updateDomainHttpsCert({
      domain: DOMAIN,
      body: { tls_certificate: { source: 'scm', cert_id: 'scs1700000000000' } },
    });
    expect(recorder.exchanges.map((e) => [e.status, e.violations])).toEqual([[200, []]]);
    expect(recorder.exchanges[0]?.requestHeaders['x-auth-token']).toBe('contract-test-token-not-real');
  });

  it('keeps the openapi-fetch client reachable, with the same auth, for { data, error } style', async () => {
    const { live, recorder } = client(CREDENTIALS['AK/SK']!, 404);
    const { data, error, response } = await live.api.GET('/v1/{project_id}/guard/https-cert', {
      params: { path: { project_id: PROJECT_ID }, query: { domain: DOMAIN } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(expectedError('get', 404));
    expect(recorder.exchanges[0]?.violations).toEqual([]);
  });
});
