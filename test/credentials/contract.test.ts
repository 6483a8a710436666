// The IAM lookup and the metadata provider against Prism mocking their own spec documents
// (spec/iam-projects.yaml, spec/ecs-metadata.yaml): every request they send is valid for the
// document (no sl-violations), and they read its documented answers.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismServer } from '../../scripts/lib/prism.js';
import { createLiveClient, type FetchFunction } from '../../src/index.js';
import { clearProjectIdCache, metadataCredentials } from '../../src/node/index.js';

const spec = (name: string) => fileURLToPath(new URL(`../../spec/${name}`, import.meta.url));
let iam: PrismServer;
let metadata: PrismServer;
beforeAll(async () => {
  [iam, metadata] = await Promise.all([
    startPrism({ spec: spec('iam-projects.yaml') }),
    startPrism({ spec: spec('ecs-metadata.yaml') }),
  ]);
});
afterAll(async () => {
  await Promise.all([iam?.stop(), metadata?.stop()]);
});

/** A fetch that records Prism's verdict on each request it passes on. */
function recording(): { fetch: FetchFunction; seen: { url: string; status: number; violations: string | null }[] } {
  const seen: { url: string; status: number; violations: string | null }[] = [];
  return {
    seen,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      seen.push({ url: String(input), status: response.status, violations: response.headers.get('sl-violations') });
      return response;
    },
  };
}

describe('KeystoneListProjects on Prism (spec/iam-projects.yaml)', () => {
  it('the signed lookup is a valid request and the documented answer gives the project id', async () => {
    clearProjectIdCache();
    const wire = recording();
    // The Live call itself goes nowhere: only the project id is asked for.
    const live = createLiveClient({
      iamEndpoint: iam.url,
      credentials: { accessKey: 'PRISMIAMAK', secretKey: 'prism-iam-secret-key' },
      fetch: wire.fetch,
      retries: 0,
    });
    await expect(live.resolveProjectId()).resolves.toBe('0123456789abcdef0123456789abcdef');
    expect(wire.seen).toEqual([{ url: `${iam.url}/v3/projects?name=cn-north-4`, status: 200, violations: null }]);
  });

  it('Prism refuses an unsigned lookup (the document requires the signature), so the test above can fail', async () => {
    const response = await fetch(`${iam.url}/v3/projects?name=cn-north-4`);
    expect(response.status).toBe(401);
  });

  it('a documented error answer (Prefer: code=403) is a LiveApiError of KeystoneListProjects', async () => {
    clearProjectIdCache();
    const live = createLiveClient({
      iamEndpoint: iam.url,
      credentials: { accessKey: 'PRISMIAMAK2', secretKey: 'prism-iam-secret-key' },
      fetch: (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), prefer: 'code=403' } }),
      retries: 0,
    });
    await expect(live.resolveProjectId()).rejects.toMatchObject({
      name: 'LiveApiError',
      status: 403,
      operation: 'KeystoneListProjects',
    });
  });
});

describe('the metadata service on Prism (spec/ecs-metadata.yaml)', () => {
  it('the session token, then the security key: valid requests, the documented credentials', async () => {
    const wire = recording();
    const found = await metadataCredentials({ endpoint: metadata.url, fetch: wire.fetch as never, timeoutMs: 5000 })();
    expect(found).toMatchObject({
      accessKey: 'EXAMPLETEMPORARYACCESSKEY',
      secretKey: 'example-temporary-secret-key-placeholder',
      securityToken: 'example-security-token-placeholder',
    });
    expect(found.expiresAt?.toISOString()).toBe('2099-01-01T00:00:00.000Z');
    expect(wire.seen).toEqual([
      { url: `${metadata.url}/meta-data/latest/api/token`, status: 200, violations: null },
      { url: `${metadata.url}/openstack/latest/securitykey`, status: 200, violations: null },
    ]);
  });
});
