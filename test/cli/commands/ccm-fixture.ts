// What the --via-ccm, rollback and delete CLI tests share: the stateful fake of Live and CCM with
// three play domains (one bound to a certificate already in CCM, one with an uploaded PEM, one with
// none), the certificate files, and the environment that points the CLI at the fake (and its state
// at a directory of the test's own).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { makeCert, type Pki, standardPki } from '../../support/certs.js';
import { type FakeCloud, startFakeCloud } from '../../support/fake-cloud.js';

export const PROJECT_ID = 'c'.repeat(32);
export const DOMAIN_ID = 'd'.repeat(32);
const AK = 'CCMCLIAK';
const SK = 'ccm-cli-secret-not-real-0123456789';

export interface CcmFixture {
  pki: Pki;
  cloud: FakeCloud;
  /** A fresh state directory ($XDG_STATE_HOME) for each call. */
  env(stateHome?: string): Record<string, string>;
  stateHome: string;
  /** `--cert fullchain --key key --endpoint live` of the wildcard certificate. */
  certificate: string[];
  oldId: string;
}

function setUpPki(): Pki {
  const pki = standardPki();
  makeCert(pki, { name: 'old', domains: ['*.example.com'], days: 20 });
  writeFileSync(pki.path('wild-chain.crt'), pki.read('wild.crt') + pki.read('int.crt'));
  return pki;
}

async function startCcmFixture(pki: Pki): Promise<CcmFixture> {
  const cloud = await startFakeCloud({
    keys: { [AK]: SK },
    projectId: PROJECT_ID,
    domainId: DOMAIN_ID,
    domains: [
      { domain: 'a.example.com', domain_type: 'pull', status: 'on' },
      {
        domain: 'b.example.com',
        domain_type: 'pull',
        status: 'on',
        config: {
          certificate_format: 'PEM',
          certificate: pki.read('old.crt'),
          certificate_key: '',
          force_redirect: false,
        },
      },
      { domain: 'c.example.com', domain_type: 'pull', status: 'on' },
    ],
    ccm: [{ name: 'old-in-ccm', certificate: pki.read('old.crt'), private_key: pki.read('old.key') }],
  });
  const old = cloud.ccm.find((c) => c.name === 'old-in-ccm')!;
  cloud.domains.get('a.example.com')!.config = {
    tls_certificate: { source: 'scm', cert_id: old.id, cert_name: old.name },
    force_redirect: true,
  };
  const stateHome = mkdtempSync(join(tmpdir(), 'lhc-ccm-cli-'));
  return {
    pki,
    cloud,
    stateHome,
    oldId: old.id,
    env: (home = stateHome) => ({
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
      HUAWEICLOUD_SDK_DOMAIN_ID: DOMAIN_ID,
      HUAWEICLOUD_SDK_REGION_SCM_CN_NORTH_4: cloud.ccmUrl,
      XDG_STATE_HOME: home,
    }),
    certificate: ['--cert', pki.path('wild-chain.crt'), '--key', pki.path('wild.key'), '--endpoint', cloud.liveUrl],
  };
}

export const ALL = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];

/**
 * Registers the hooks: the certificates once for the file (or describe block), a fresh fake for
 * each test (stopped after it). The fixture returned is always the running test's.
 */
export function ccmFixturePerTest(): CcmFixture {
  let pki: Pki | undefined;
  let current: CcmFixture | undefined;
  beforeAll(() => {
    pki = setUpPki();
  });
  beforeEach(async () => {
    current = await startCcmFixture(pki!);
  });
  afterEach(async () => {
    await current?.cloud.stop();
  });
  afterAll(() => pki?.cleanup());
  const now = () => current!;
  return {
    get pki() {
      return pki!;
    },
    get cloud() {
      return now().cloud;
    },
    get stateHome() {
      return now().stateHome;
    },
    get certificate() {
      return now().certificate;
    },
    get oldId() {
      return now().oldId;
    },
    env: (stateHome) => now().env(stateHome),
  };
}
