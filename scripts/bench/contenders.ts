// The ways of sending the same signed UpdateDomainHttpsCert request, for the throughput run. Ours
// are loaded from the built package (dist/esm), which is what users run: the sources through tsx
// carry its per-function naming helpers, a cost the shipped code does not have.
import { createRequire } from 'node:module';
import type * as Generated from '../../generated/typescript-fetch/index.js';
import type * as Client from '../../src/index.js';
import type * as NodeEntry from '../../src/node/index.js';

const require = createRequire(import.meta.url);
const dist = new URL('../../dist/esm/', import.meta.url);
export const AK = 'BENCHACCESSKEY0000000';
export const SK = 'bench-secret-key-0000000000000000000000';
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';
export const DOMAIN = 'play.example.com';
export const BODY = {
  certificate_format: 'PEM' as const,
  certificate: `-----BEGIN CERTIFICATE-----\n${'MIIB'.repeat(400)}\n-----END CERTIFICATE-----`,
  // The size of a P-256 key in PEM, without a private-key armour in a committed file.
  certificate_key: `bench-key-placeholder\n${'MIIE'.repeat(60)}\n`,
  force_redirect: true,
};

export type Contender = { name: string; call: () => Promise<unknown> };

export async function contenders(url: string): Promise<Contender[]> {
  const { createLiveClient, createAkSkSigner } = (await import(new URL('src/index.js', dist).href)) as typeof Client;
  const { createNodeLiveClient } = (await import(new URL('src/node/index.js', dist).href)) as typeof NodeEntry;
  const { Configuration, HTTPSCertificateManagementApi } = (await import(
    new URL('generated/typescript-fetch/index.js', dist).href
  )) as typeof Generated;
  const credentials = { accessKey: AK, secretKey: SK };
  // On Node the default client sends through node:http itself (and honours proxy variables).
  const byDefault = createLiveClient({ projectId: PROJECT_ID, endpoint: url, credentials });
  const thin = createNodeLiveClient({ projectId: PROJECT_ID, endpoint: url, credentials });
  // The portable path, as browsers, Deno and edge runtimes take it: the runtime's fetch.
  const thinFetch = createLiveClient({
    projectId: PROJECT_ID,
    endpoint: url,
    credentials,
    fetch: (input, init) => globalThis.fetch(input, init),
  });
  const generated = new HTTPSCertificateManagementApi(new Configuration({ basePath: url, fetchApi: thin.fetch }));
  const generatedBody = {
    certificateFormat: 'PEM' as never,
    certificate: BODY.certificate,
    certificateKey: BODY.certificate_key,
    forceRedirect: true,
  };

  // The floor: global fetch with headers signed once, up front.
  const rawUrl = `${url}/v1/${PROJECT_ID}/guard/https-cert?domain=${DOMAIN}`;
  const rawBody = JSON.stringify(BODY);
  const rawHeaders: Record<string, string> = { 'content-type': 'application/json', 'x-project-id': PROJECT_ID };
  await createAkSkSigner(credentials)(
    { method: 'PUT', url: new URL(rawUrl), headers: rawHeaders, body: new TextEncoder().encode(rawBody) },
    new Date(),
  );

  // The official core, sending the request as its generated Live client builds it.
  const core = {
    ...require('@huaweicloud/huaweicloud-sdk-core'),
    ...require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder'),
  };
  const hc = new core.ClientBuilder((client: unknown) => client)
    .withCredential(new core.BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID))
    .withEndpoint(url)
    .build();
  const official = () =>
    hc.sendRequest({
      method: 'PUT',
      url: '/v1/{project_id}/guard/https-cert',
      contentType: 'application/json',
      queryParams: { domain: DOMAIN },
      pathParams: {},
      headers: {},
      data: BODY,
    });

  return [
    {
      name: 'default createLiveClient on Node',
      call: () => byDefault.updateDomainHttpsCert({ domain: DOMAIN, body: BODY }),
    },
    {
      name: 'thin client (live-https-cert/node)',
      call: () => thin.updateDomainHttpsCert({ domain: DOMAIN, body: BODY }),
    },
    { name: 'thin client (global fetch)', call: () => thinFetch.updateDomainHttpsCert({ domain: DOMAIN, body: BODY }) },
    {
      name: 'generated client + our transport',
      call: () =>
        generated.updateDomainHttpsCert({ projectId: PROJECT_ID, domain: DOMAIN, domainHttpsCertInfo: generatedBody }),
    },
    {
      name: 'raw fetch, presigned (floor)',
      call: async () => (await fetch(rawUrl, { method: 'PUT', headers: rawHeaders, body: rawBody })).arrayBuffer(),
    },
    { name: 'official HcClient (sdk-core)', call: official },
  ];
}
