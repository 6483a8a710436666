// The openapi-generator typescript-fetch client against Prism, with our transport as its
// fetchApi (signing, retries): every operation, every documented status.
import { describe, expect, inject, it } from 'vitest';
import {
  Configuration,
  CertificateFormat,
  HTTPSCertificateManagementApi,
  ResponseError,
} from '../../generated/typescript-fetch/index.js';
import { createLiveClient } from '../../src/index.js';
import { EXAMPLE_REQUEST_ID, expectedError, PAGE_REQUEST_EXAMPLE, SHOW_EXAMPLE } from '../support/expected.js';
import { recordingFetch } from '../support/recording-fetch.js';
import { documentedStatuses } from '../support/spec.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const DOMAIN = 'play.example.com';

function generatedApi(prefer?: number) {
  const recorder = recordingFetch(prefer ? { prefer: `code=${prefer}` } : {});
  const live = createLiveClient({
    projectId: PROJECT_ID,
    endpoint: inject('prismUrl'),
    credentials: { accessKey: 'CONTRACTTESTAK', secretKey: 'contract-test-secret-key-not-real' },
    fetch: recorder.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  const api = new HTTPSCertificateManagementApi(new Configuration({ basePath: live.baseUrl, fetchApi: live.fetch }));
  return { api, recorder };
}

const body = {
  certificateFormat: CertificateFormat.Pem,
  certificate: PAGE_REQUEST_EXAMPLE.certificate,
  certificateKey: PAGE_REQUEST_EXAMPLE.certificate_key,
  forceRedirect: PAGE_REQUEST_EXAMPLE.force_redirect,
};

const operations = {
  UpdateDomainHttpsCert: {
    method: 'put',
    call: (api: HTTPSCertificateManagementApi) =>
      api.updateDomainHttpsCertRaw({ projectId: PROJECT_ID, domain: DOMAIN, domainHttpsCertInfo: body }),
  },
  ShowDomainHttpsCert: {
    method: 'get',
    call: (api: HTTPSCertificateManagementApi) => api.showDomainHttpsCertRaw({ projectId: PROJECT_ID, domain: DOMAIN }),
  },
  DeleteDomainHttpsCert: {
    method: 'delete',
    call: (api: HTTPSCertificateManagementApi) =>
      api.deleteDomainHttpsCertRaw({ projectId: PROJECT_ID, domain: DOMAIN }),
  },
} as const;

const cases = Object.entries(operations).flatMap(([operation, { method }]) =>
  documentedStatuses(method).map((status) => ({ operation, method, status })),
);

describe('openapi-generator client against Prism', () => {
  it.each(cases)('$operation answers $status (generated client)', async ({ operation, method, status }) => {
    const { api, recorder } = generatedApi(status);
    const call = operations[operation as keyof typeof operations].call;
    if (status < 300) {
      const result = await call(api);
      expect(result.raw.status).toBe(status);
      expect(result.raw.headers.get('x-request-id')).toBe(EXAMPLE_REQUEST_ID);
      if (method === 'get') {
        expect(await result.value()).toEqual({
          certificateFormat: 'PEM',
          certificate: (SHOW_EXAMPLE as { certificate: string }).certificate,
          certificateKey: '',
          forceRedirect: false,
        });
      }
    } else {
      const error = await call(api).then(
        () => expect.unreachable('a documented error status must reject'),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ResponseError);
      const response = (error as ResponseError).response;
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(expectedError(method as 'put' | 'get' | 'delete', status));
      expect(recorder.exchanges).toHaveLength(status === 500 ? 3 : 1);
    }
    for (const exchange of recorder.exchanges) {
      expect(exchange.violations).toEqual([]);
      expect(exchange.requestHeaders['authorization']).toMatch(/^SDK-HMAC-SHA256 Access=CONTRACTTESTAK, /);
    }
  });

  it('gets Prism 401 when no credentials are sent at all', async () => {
    const recorder = recordingFetch();
    const api = new HTTPSCertificateManagementApi(
      new Configuration({ basePath: inject('prismUrl'), fetchApi: recorder.fetch }),
    );
    const error = await api.showDomainHttpsCert({ projectId: PROJECT_ID, domain: DOMAIN }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).response.status).toBe(401);
    expect(recorder.exchanges[0]?.violations).toEqual([
      expect.objectContaining({ code: 401, message: 'Invalid security scheme used' }),
    ]);
  });
});
