// The fleet job of issue 18 against the stateful fake of Live and CCM (test/support/fake-cloud.ts):
// the inventory in one ShowDomain and one ShowCertificateInfo per 100 domains, `--covered` targets,
// CCM deployment that imports once (and not at all on a rerun) and binds by cert_id without the key,
// rollback to the previous cert_id, and rollback when the domain serves another certificate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readLocalCertificate } from '../../src/check/index.js';
import { createLiveClient } from '../../src/index.js';
import {
  coveredTargets,
  createRollbackState,
  deployToDomain,
  ensureCcmCertificate,
  fleetStatus,
  listDomains,
  rollbackDomain,
  scmBody,
} from '../../src/ops/index.js';
import { makeCert, type Pki, standardPki } from '../support/certs.js';
import { type FakeCloud, type FakeDomain, startFakeCloud } from '../support/fake-cloud.js';
import { type SniServer, startSniServer } from '../support/tls-server.js';

const PROJECT_ID = 'b'.repeat(32);
const AK = 'FLEETAK';
const SK = 'fleet-secret-not-real';
let pki: Pki;
let cloud: FakeCloud;
let stateRoot: string;

/** 205 play domains (on, off, configuring; covered or not), push domains, some bound to an old CCM certificate. */
function fleet(pem: string): FakeDomain[] {
  const domains: FakeDomain[] = [];
  for (let i = 0; i < 205; i++) {
    const status = i % 10 === 1 ? 'off' : i % 10 === 2 ? 'configuring' : 'on';
    domains.push({
      domain: `d${String(i).padStart(3, '0')}.example.com`,
      domain_type: 'pull',
      status,
      config: { certificate_format: 'PEM', certificate: pem, certificate_key: '', force_redirect: i % 2 === 0 },
    });
  }
  domains.push({ domain: 'push.example.com', domain_type: 'push', status: 'on' });
  domains.push({ domain: 'play.other.example.org', domain_type: 'pull', status: 'on' });
  domains.push({ domain: 'deep.a.example.com', domain_type: 'pull', status: 'on' });
  return domains;
}

function clients() {
  const credentials = { accessKey: AK, secretKey: SK };
  // One client, each service on its own endpoint, as in production.
  const live = createLiveClient({
    projectId: PROJECT_ID,
    endpoints: { live: cloud.liveUrl, scm: cloud.ccmUrl },
    // CCM's account id (X-Domain-Id) is looked up there, as the official SDK does.
    iamEndpoint: cloud.iamUrl,
    credentials,
    retries: 0,
  });
  return { live, api: live };
}

const wildLocal = () =>
  readLocalCertificate({
    certificate: pki.read('wild.crt') + pki.read('int.crt'),
    certificate_key: pki.read('wild.key'),
  });

beforeAll(() => {
  pki = standardPki();
  makeCert(pki, { name: 'old', domains: ['*.example.com'], days: 20 });
  stateRoot = mkdtempSync(join(tmpdir(), 'lhc-fleet-state-'));
});
beforeEach(async () => {
  await cloud?.stop();
  cloud = await startFakeCloud({
    keys: { [AK]: SK },
    projectId: PROJECT_ID,
    domainId: 'a'.repeat(32),
    domains: fleet(pki.read('old.crt')),
    ccm: [{ name: 'old-in-ccm', certificate: pki.read('old.crt'), private_key: pki.read('old.key') }],
  });
});
afterAll(async () => {
  await cloud?.stop();
  pki?.cleanup();
  rmSync(stateRoot, { recursive: true, force: true });
});

describe('the inventory', () => {
  it('domains: every domain from one ShowDomain, expiries from one ShowCertificateInfo per 100', async () => {
    const domains = await listDomains(clients().api);
    expect(domains).toHaveLength(208);
    expect(domains.filter((d) => d.type === 'push')).toEqual([
      expect.objectContaining({ domain: 'push.example.com', certificate: null }),
    ]);
    expect(domains.find((d) => d.domain === 'd204.example.com')?.certificate).toMatchObject({ source: 'user' });
    expect(cloud.calls('ShowDomain')).toHaveLength(1);
    // 205 certificates: pages of 100, 100, 5.
    expect(
      cloud.calls('ShowCertificateInfo').map((r) => new URL(r.url, 'http://x').searchParams.get('offset')),
    ).toEqual(['0', '100', '200']);
    expect(cloud.calls('ShowDomainHttpsCert')).toHaveLength(0);
  });

  it('status --all: one inventory call per 100 domains, no per-domain GET, the expiring ones flagged', async () => {
    const statuses = await fleetStatus(clients().api, { warnDays: 30 });
    expect(statuses).toHaveLength(205);
    expect(statuses.every((s) => s.attention.some((a) => a.startsWith('expires in')))).toBe(true);
    expect(cloud.calls('ShowCertificateInfo')).toHaveLength(3);
    expect(cloud.calls('ShowCertificateInfo').every((r) => r.url.includes('limit=100'))).toBe(true);
    expect(cloud.calls('ShowDomainHttpsCert')).toHaveLength(0);
  });
});

describe('update --covered --via-ccm', () => {
  async function run() {
    const { live, api } = clients();
    const local = wildLocal();
    const { targets, skipped } = coveredTargets(local.chain!, await listDomains(api));
    const ref = await ensureCcmCertificate(api, local);
    const state = createRollbackState({ directory: join(stateRoot, 'ccm') });
    const results = [];
    for (const domain of targets)
      results.push(await deployToDomain({ client: live, domain, body: scmBody(ref), state }));
    return { targets, skipped, ref, results };
  }

  it('writes exactly to the covered on pull domains, imports once, binds by cert_id without the key; a rerun imports and writes nothing', async () => {
    const first = await run();
    const expected = fleet('')
      .filter((d) => d.domain_type === 'pull' && d.status === 'on' && /^[^.]+\.example\.com$/.test(d.domain))
      .map((d) => d.domain);
    expect(first.targets.sort()).toEqual(expected.sort());
    expect(first.skipped).toEqual(
      expect.arrayContaining([
        { domain: 'push.example.com', reason: 'a push domain serves no play HTTPS' },
        { domain: 'd001.example.com', reason: 'status is off, not on' },
        { domain: 'd002.example.com', reason: 'status is configuring, not on' },
        expect.objectContaining({ domain: 'deep.a.example.com', reason: expect.stringContaining('not covered') }),
        expect.objectContaining({ domain: 'play.other.example.org' }),
      ]),
    );
    expect(first.ref.imported).toBe(true);
    expect(first.ref.certName).toMatch(/^lhc-[0-9a-f]{32}$/);
    expect(cloud.calls('ImportCertificate')).toHaveLength(1);
    const puts = cloud.calls('UpdateDomainHttpsCert');
    expect(puts.map((p) => new URL(p.url, 'http://x').searchParams.get('domain')).sort()).toEqual(expected.sort());
    for (const put of puts) {
      expect(put.json?.['tls_certificate']).toEqual({
        source: 'scm',
        cert_id: first.ref.certId,
        cert_name: first.ref.certName,
      });
      expect(put.body.toString()).not.toMatch(/PRIVATE KEY|certificate_key/);
    }
    // force_redirect as deployed: the API resets it when a PUT leaves it out.
    expect(puts.find((p) => p.url.includes('d000.'))?.json?.['force_redirect']).toBe(true);

    const second = await run();
    expect(second.ref).toEqual({ ...first.ref, imported: false });
    expect(cloud.calls('ImportCertificate')).toHaveLength(1);
    expect(second.results.every((r) => r.action === 'unchanged')).toBe(true);
    expect(cloud.calls('UpdateDomainHttpsCert')).toHaveLength(puts.length);
  });
});

describe('rollback', () => {
  it('restores the previous cert_id; an uploaded PEM says why it cannot be', async () => {
    const { live, api } = clients();
    const old = cloud.ccm.find((c) => c.name === 'old-in-ccm')!;
    cloud.domains.get('d000.example.com')!.config = {
      tls_certificate: { source: 'scm', cert_id: old.id, cert_name: old.name },
      force_redirect: true,
    };
    const state = createRollbackState({ directory: join(stateRoot, 'rollback') });
    const ref = await ensureCcmCertificate(api, wildLocal());
    for (const domain of ['d000.example.com', 'd003.example.com'])
      await deployToDomain({ client: live, domain, body: scmBody(ref), state });
    expect(cloud.domains.get('d000.example.com')!.config?.['tls_certificate']).toMatchObject({ cert_id: ref.certId });

    const restored = await rollbackDomain({ client: live, state, domain: 'd000.example.com' });
    expect(restored).toMatchObject({ action: 'restored', restored: { certId: old.id, forceRedirect: true } });
    expect(cloud.domains.get('d000.example.com')!.config).toMatchObject({
      tls_certificate: { source: 'scm', cert_id: old.id },
      force_redirect: true,
    });
    const refused = await rollbackDomain({ client: live, state, domain: 'd003.example.com' });
    expect(refused).toMatchObject({ action: 'not-restorable', reason: expect.stringContaining('uploaded PEM') });
    expect(await rollbackDomain({ client: live, state, domain: 'd005.example.com' })).toMatchObject({
      action: 'nothing-saved',
    });
  });

  it('--rollback-on-failure restores the previous cert_id when the domain serves another certificate', async () => {
    let edge: SniServer | undefined;
    try {
      // The edge keeps serving the old certificate: the deployment did not take.
      edge = await startSniServer({ cert: pki.read('old.crt'), key: pki.read('old.key') });
      const { live, api } = clients();
      const old = cloud.ccm.find((c) => c.name === 'old-in-ccm')!;
      cloud.domains.get('d004.example.com')!.config = {
        tls_certificate: { source: 'scm', cert_id: old.id, cert_name: old.name },
      };
      const local = wildLocal();
      const ref = await ensureCcmCertificate(api, local);
      const state = createRollbackState({ directory: join(stateRoot, 'on-failure') });
      const result = await deployToDomain({
        client: live,
        domain: 'd004.example.com',
        body: scmBody(ref),
        state,
        verify: {
          expectedFingerprint: local.chain!.fingerprints[0]!,
          host: '127.0.0.1',
          port: edge.port,
          waitMs: 300,
          intervalMs: 100,
        },
        rollbackOnFailure: true,
      });
      expect(result.verified?.matched).toBe(false);
      expect(result.rolledBack).toMatchObject({ action: 'restored', restored: { certId: old.id } });
      expect(cloud.domains.get('d004.example.com')!.config?.['tls_certificate']).toMatchObject({ cert_id: old.id });
      expect(cloud.calls('UpdateDomainHttpsCert')).toHaveLength(2);
    } finally {
      await edge?.stop();
    }
  });
});
