// The operations of a fleet (Live ShowDomain and ShowCertificateInfo) and of Cloud Certificate
// Manager (ImportCertificate, ListCertificates; its own document, mocked by its own Prism) against
// Prism: every documented status, token and AK/SK, every request valid for the spec, every answer
// the spec's example; and a request the spec forbids is one Prism names.
// The calls go through the typed openapi-fetch clients of the generated types over the client's
// transport (signing, retries); the generated methods of issue 17 replace them when they land.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import type { paths as CcmPaths } from '../../generated/ccm.js';
import type { paths as LivePaths } from '../../generated/schema.js';
import { CCM_SPEC_PATH } from '../../scripts/lib/prism.js';
import { type Credentials, createLiveClient } from '../../src/index.js';
import { createClient } from '../../src/internal/openapi-fetch.js';
import { recordingFetch } from '../support/recording-fetch.js';
import { spec as liveSpec } from '../support/spec.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ccmSpec: any = parse(readFileSync(CCM_SPEC_PATH, 'utf8'));
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const CREDENTIALS: Record<string, Credentials> = {
  'AK/SK': { accessKey: 'CONTRACTTESTAK', secretKey: 'contract-test-secret-key-not-real' },
  token: { token: 'contract-test-token-not-real' },
};

function clients(credentials: Credentials, extra: Record<string, string> = {}) {
  const recorder = recordingFetch(extra);
  const make = (endpoint: string) =>
    createLiveClient({ projectId: PROJECT_ID, endpoint, credentials, fetch: recorder.fetch, retries: 0 });
  const live = make(inject('prismUrl'));
  const ccm = make(inject('ccmPrismUrl'));
  return {
    recorder,
    live: createClient<LivePaths>({ baseUrl: live.baseUrl, fetch: live.fetch }),
    ccm: createClient<CcmPaths>({ baseUrl: ccm.baseUrl, fetch: ccm.fetch }),
  };
}
type Clients = ReturnType<typeof clients>;

const path = { project_id: PROJECT_ID };
const IMPORT_EXAMPLE = ccmSpec.paths['/v3/scm/certificates/import'].post.requestBody.content['application/json']
  .examples.leafAndChain
  .value as CcmPaths['/v3/scm/certificates/import']['post']['requestBody']['content']['application/json'];

const operations = {
  ShowDomain: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    spec: liveSpec as any,
    path: '/v1/{project_id}/domain',
    method: 'get',
    call: (c: Clients) => c.live.GET('/v1/{project_id}/domain', { params: { path, query: {} } }),
    invalid: (c: Clients) => c.live.GET('/v1/{project_id}/domain', { params: { path, query: { domain: 'a b/c' } } }),
  },
  ShowCertificateInfo: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    spec: liveSpec as any,
    path: '/v2/{project_id}/certificates',
    method: 'get',
    call: (c: Clients) =>
      c.live.GET('/v2/{project_id}/certificates', { params: { path, query: { offset: 0, limit: 100 } } }),
    invalid: (c: Clients) => c.live.GET('/v2/{project_id}/certificates', { params: { path, query: { limit: 101 } } }),
  },
  ImportCertificate: {
    spec: ccmSpec,
    path: '/v3/scm/certificates/import',
    method: 'post',
    call: (c: Clients) => c.ccm.POST('/v3/scm/certificates/import', { body: IMPORT_EXAMPLE }),
    invalid: (c: Clients) => c.ccm.POST('/v3/scm/certificates/import', { body: { ...IMPORT_EXAMPLE, name: 'a!' } }),
  },
  ListCertificates: {
    spec: ccmSpec,
    path: '/v3/scm/certificates',
    method: 'get',
    call: (c: Clients) =>
      c.ccm.GET('/v3/scm/certificates', { params: { query: { limit: 50, offset: 0, content: 'lhc-0123' } } }),
    invalid: (c: Clients) =>
      // 30 is not one of the page sizes CCM accepts (10, 20, 50).
      c.ccm.GET('/v3/scm/certificates', { params: { query: { limit: 30 as 10 } } }),
  },
} as const;

type Name = keyof typeof operations;
const responsesOf = (name: Name) => {
  const op = operations[name];
  return op.spec.paths[op.path][op.method].responses as Record<string, { $ref?: string; content?: unknown }>;
};
/** The first example of the response an operation documents for a status (refs resolved). */
function exampleOf(name: Name, status: string): unknown {
  const op = operations[name];
  let response = responsesOf(name)[status]!;
  if (response.$ref) response = op.spec.components.responses[response.$ref.split('/').pop()!];
  const examples = (response.content as Record<string, { examples: Record<string, { value: unknown }> }>)[
    'application/json'
  ]!.examples;
  return Object.values(examples)[0]!.value;
}

const cases = (Object.keys(operations) as Name[]).flatMap((operation) =>
  Object.keys(responsesOf(operation)).flatMap((status) =>
    Object.keys(CREDENTIALS).map((auth) => ({ operation, status: Number(status), auth })),
  ),
);

describe('fleet and CCM operations against Prism', () => {
  it.each(cases)('$operation answers $status ($auth)', async ({ operation, status, auth }) => {
    const c = clients(CREDENTIALS[auth]!, status === 200 ? {} : { prefer: `code=${status}` });
    const { data, error, response } = await operations[operation].call(c);
    expect(response.status).toBe(status);
    if (status === 200) expect(data).toEqual(exampleOf(operation, '200'));
    else expect(error).toEqual(exampleOf(operation, String(status)));
    expect(c.recorder.exchanges).toHaveLength(1);
    // Every request the client sent is one the document accepts (auth headers included).
    expect(c.recorder.exchanges[0]!.violations).toEqual([]);
    expect(c.recorder.exchanges[0]!.url).toContain(operations[operation].path.replace('{project_id}', PROJECT_ID));
  });

  it.each(Object.keys(operations) as Name[])('%s: a request outside the spec is one Prism refuses', async (name) => {
    const c = clients(CREDENTIALS['AK/SK']!);
    const { response } = await operations[name].invalid(c);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(c.recorder.exchanges[0]!.violations).not.toEqual([]);
  });

  it('the CCM document marks every private key as sensitive (the redaction list is generated from it)', () => {
    const props = ccmSpec.components.schemas.ImportCertificateRequestBody.properties;
    expect(props.private_key['x-sensitive']).toBe(true);
    expect(props.enc_private_key['x-sensitive']).toBe(true);
    expect(props.certificate['x-sensitive']).toBeUndefined();
  });
});
