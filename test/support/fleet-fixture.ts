// A project's Live domains for the fleet commands' tests (domains, status --all, --covered): play
// domains of every status, some bound to a CCM certificate, push domains, and names a `*.example.com`
// certificate does not cover. Run against the stateful fake (fake-cloud.ts) through runCli.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { makeCert, type Pki, standardPki } from './certs.js';
import { type FakeCloud, type FakeCloudOptions, type FakeDomain, startFakeCloud } from './fake-cloud.js';

export const FLEET_PROJECT_ID = 'c'.repeat(32);
export const FLEET_AK = 'FLEETCLIAK';
export const FLEET_SK = 'fleet-cli-secret-not-real-0123';

/** The environment of a CLI run against the fake: credentials and the project. */
export const FLEET_ENV = {
  HUAWEICLOUD_SDK_AK: FLEET_AK,
  HUAWEICLOUD_SDK_SK: FLEET_SK,
  HUAWEICLOUD_SDK_PROJECT_ID: FLEET_PROJECT_ID,
};

/** `d000.example.com` ...: status off when i % 10 is 1, configuring when 2, else on; every one has `pem` deployed. */
export function playDomains(count: number, pem: string): FakeDomain[] {
  return Array.from({ length: count }, (_, i) => ({
    domain: `d${String(i).padStart(3, '0')}.example.com`,
    domain_type: 'pull' as const,
    status: i % 10 === 1 ? ('off' as const) : i % 10 === 2 ? ('configuring' as const) : ('on' as const),
    config: { certificate_format: 'PEM', certificate: pem, certificate_key: '', force_redirect: i % 2 === 0 },
  }));
}

/** Beside the play domains: a push domain, a play domain of another zone, one two labels deep, one without HTTPS. */
export const OTHER_DOMAINS: FakeDomain[] = [
  { domain: 'push.example.com', domain_type: 'push', status: 'on' },
  { domain: 'play.other.example.org', domain_type: 'pull', status: 'on' },
  { domain: 'deep.a.example.com', domain_type: 'pull', status: 'on' },
];

/** The `domain` query of each request of an operation, in the order received. */
export function domainsOf(cloud: FakeCloud, operation: Parameters<FakeCloud['calls']>[0]): string[] {
  return cloud.calls(operation).map((r) => new URL(r.url, 'http://x').searchParams.get('domain') ?? '');
}

export interface FleetCloud {
  /** The standard certificates and `old` (`*.example.com`, 20 days left), made once for the block. */
  readonly pki: Pki;
  /** A fake of Live (and CCM) that knows the fleet's key and project, stopped after the test. */
  start(options: Omit<FakeCloudOptions, 'keys' | 'projectId'>): Promise<FakeCloud>;
}

/** Registers the hooks of a fleet test file or describe block: the certificates once, a fake per test. */
export function fleetCloudPerTest(): FleetCloud {
  let pki: Pki | undefined;
  let cloud: FakeCloud | undefined;
  beforeAll(() => {
    pki = standardPki();
    makeCert(pki, { name: 'old', domains: ['*.example.com'], days: 20 });
  });
  afterEach(async () => {
    await cloud?.stop();
    cloud = undefined;
  });
  afterAll(() => pki?.cleanup());
  return {
    get pki() {
      return pki!;
    },
    async start(options) {
      cloud = await startFakeCloud({ keys: { [FLEET_AK]: FLEET_SK }, projectId: FLEET_PROJECT_ID, ...options });
      return cloud;
    },
  };
}
