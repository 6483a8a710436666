// The stateful fake of Live and CCM (test/support/fake-cloud.ts) behaves as the services do: it
// refuses a bad signature, pages the deployed certificates, keeps what a PUT wrote, checks an
// imported pair and keeps no key. The ops tests rely on each of these.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths as CcmPaths } from '../../generated/ccm.js';
import type { paths as LivePaths } from '../../generated/schema.js';
import { createLiveClient } from '../../src/index.js';
import { createClient } from '../../src/internal/openapi-fetch.js';
import { makeCert, type Pki, standardPki } from '../support/certs.js';
import { type FakeCloud, type FakeDomain, startFakeCloud } from '../support/fake-cloud.js';

const PROJECT_ID = 'a'.repeat(32);
const AK = 'FAKECLOUDAK';
const SK = 'fake-cloud-secret-not-real';
let pki: Pki;
let cloud: FakeCloud;

function clients(secretKey = SK) {
  const make = (endpoint: string) =>
    createLiveClient({ projectId: PROJECT_ID, endpoint, credentials: { accessKey: AK, secretKey }, retries: 0 });
  const live = make(cloud.liveUrl);
  const ccm = make(cloud.ccmUrl);
  return {
    live: createClient<LivePaths>({ baseUrl: live.baseUrl, fetch: live.fetch }),
    ccm: createClient<CcmPaths>({ baseUrl: ccm.baseUrl, fetch: ccm.fetch }),
  };
}
const path = { project_id: PROJECT_ID };

beforeAll(async () => {
  pki = standardPki();
  makeCert(pki, { name: 'mismatch', domains: ['play.example.com'], days: 30 });
  const pem = pki.read('wild.crt') + pki.read('int.crt');
  const domains: FakeDomain[] = Array.from({ length: 230 }, (_, i) => ({
    domain: `p${String(i).padStart(3, '0')}.example.com`,
    domain_type: 'pull',
    status: i % 3 === 0 ? 'off' : 'on',
    config: { certificate_format: 'PEM', certificate: pem, certificate_key: '', force_redirect: false },
  }));
  domains.push({ domain: 'push.example.com', domain_type: 'push', status: 'on' });
  domains.push({ domain: 'bare.example.com', domain_type: 'pull', status: 'configuring' });
  cloud = await startFakeCloud({ keys: { [AK]: SK }, projectId: PROJECT_ID, domains });
});
afterAll(async () => {
  await cloud?.stop();
  pki?.cleanup();
});

describe('the stateful fake of Live and CCM', () => {
  it('refuses a wrong signature with APIGW.0301 and records it', async () => {
    const { response, error } = await clients('not-the-secret').live.GET('/v1/{project_id}/domain', {
      params: { path },
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ error_code: 'APIGW.0301' });
    expect(cloud.received.at(-1)).toMatchObject({ verdict: 'bad-signature', operation: 'ShowDomain' });
  });

  it('lists every domain in one ShowDomain answer, and pages the deployed certificates by 100', async () => {
    const { live } = clients();
    const { data } = await live.GET('/v1/{project_id}/domain', { params: { path } });
    expect(data?.domain_info).toHaveLength(232);
    const pages = [];
    for (let offset = 0; ; offset += 100) {
      const page = await live.GET('/v2/{project_id}/certificates', { params: { path, query: { offset, limit: 100 } } });
      pages.push(page.data!.certificates_info.length);
      if (offset + 100 >= page.data!.total!) break;
    }
    // Only the play domains with a certificate: 230, whatever their status.
    expect(pages).toEqual([100, 100, 30]);
    const over = await live.GET('/v2/{project_id}/certificates', { params: { path, query: { limit: 101 } } });
    expect(over.response.status).toBe(400);
  });

  it('keeps what a PUT wrote (the key blanked), refuses a push domain and an unknown cert_id', async () => {
    const { live } = clients();
    const query = { domain: 'bare.example.com' };
    const body = { certificate: pki.read('leaf.crt'), certificate_key: pki.read('leaf.key') };
    expect(
      (await live.PUT('/v1/{project_id}/guard/https-cert', { params: { path, query }, body })).response.status,
    ).toBe(200);
    const { data } = await live.GET('/v1/{project_id}/guard/https-cert', { params: { path, query } });
    expect(data).toMatchObject({ certificate: pki.read('leaf.crt'), certificate_key: '' });
    const push = await live.PUT('/v1/{project_id}/guard/https-cert', {
      params: { path, query: { domain: 'push.example.com' } },
      body,
    });
    expect(push.response.status).toBe(400);
    const unknown = await live.PUT('/v1/{project_id}/guard/https-cert', {
      params: { path, query },
      body: { tls_certificate: { source: 'scm', cert_id: 'scs0000000000000' } },
    });
    expect(unknown.response.status).toBe(400);
  });

  it('imports a matching pair (keeping no key), lists it by name, refuses a key of another certificate', async () => {
    const { ccm } = clients();
    const bad = await ccm.POST('/v3/scm/certificates/import', {
      body: { name: 'lhc-mismatch', certificate: pki.read('leaf.crt'), private_key: pki.read('mismatch.key') },
    });
    expect(bad.response.status).toBe(400);
    const { data } = await ccm.POST('/v3/scm/certificates/import', {
      body: {
        name: 'lhc-leaf',
        certificate: pki.read('leaf.crt'),
        certificate_chain: pki.read('int.crt'),
        private_key: pki.read('leaf.key'),
      },
    });
    expect(data?.certificate_id).toMatch(/^scs\d{13}$/);
    expect(JSON.stringify(cloud.ccm)).not.toContain('PRIVATE KEY');
    const list = await ccm.GET('/v3/scm/certificates', { params: { query: { content: 'lhc-leaf', limit: 50 } } });
    expect(list.data?.certificates.map((c) => c.id)).toEqual([data?.certificate_id]);
    // A play domain bound to it reads its validity from CCM.
    const { live } = clients();
    await live.PUT('/v1/{project_id}/guard/https-cert', {
      params: { path, query: { domain: 'bare.example.com' } },
      body: { tls_certificate: { source: 'scm', cert_id: data!.certificate_id, cert_name: 'lhc-leaf' } },
    });
    const info = await live.GET('/v2/{project_id}/certificates', {
      params: { path, query: { play_domain: 'bare.example.com' } },
    });
    expect(info.data?.certificates_info[0]).toMatchObject({ source: 'scm', cert_id: data!.certificate_id });
  });
});
