// How CCM's requests are signed and paced, against the stateful fake (which refuses a CCM request
// without the account id, as X-Domain-Id, signed): the official SDK's GlobalCredentials send the
// account id, found in this order: the option, HUAWEICLOUD_SDK_DOMAIN_ID, the credentials file's
// [global] domain_id, else IAM's KeystoneListAuthDomains with the same key (once). Each service
// has its own pace: CCM's calls never wait behind Live's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createLiveClient, type LiveClientOptions, type Timers } from '../../src/index.js';
import { clearDomainIdCache } from '../../src/credentials/domain-id.js';
import { standardPki } from '../support/certs.js';
import { runInProcess } from '../support/run-cli.js';
import { type FakeCloud, startFakeCloud } from '../support/fake-cloud.js';

const PROJECT_ID = 'e'.repeat(32);
const DOMAIN_ID = '0123456789abcdef0123456789abcdef';
const AK = 'CCMSIGNAK';
const SK = 'ccm-signing-secret-not-real-0123';
let cloud: FakeCloud;
let dir: string;

const client = (more: Partial<LiveClientOptions> = {}) =>
  createLiveClient({
    projectId: PROJECT_ID,
    endpoints: { live: cloud.liveUrl, scm: cloud.ccmUrl },
    iamEndpoint: cloud.iamUrl,
    credentials: { accessKey: AK, secretKey: SK },
    retries: 0,
    env: {},
    ...more,
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lhc-ccm-signing-'));
});
beforeEach(async () => {
  clearDomainIdCache();
  cloud = await startFakeCloud({
    keys: { [AK]: SK },
    projectId: PROJECT_ID,
    domainId: DOMAIN_ID,
    domains: [{ domain: 'play.example.com', domain_type: 'pull', status: 'on' }],
  });
});
afterEach(async () => {
  await cloud.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the account id of CCM requests (X-Domain-Id)', () => {
  it('looked up once at IAM with the same key when none is configured; Live keeps X-Project-Id', async () => {
    const live = client();
    await live.listCertificates({ limit: 10 });
    await live.listCertificates({ limit: 10, offset: 10 });
    await live.showDomain({});
    const [lookup, ...more] = cloud.calls('KeystoneListAuthDomains');
    expect(more).toEqual([]);
    expect(lookup!.headers['x-project-id']).toBeUndefined();
    expect(lookup!.headers['x-domain-id']).toBeUndefined();
    for (const call of cloud.calls('ListCertificates')) {
      expect(call.headers['x-domain-id']).toBe(DOMAIN_ID);
      expect(call.headers['authorization']).toMatch(/SignedHeaders=[^,]*x-domain-id/);
      expect(call.headers['x-project-id']).toBeUndefined();
    }
    expect(cloud.calls('ShowDomain')[0]!.headers).toMatchObject({ 'x-project-id': PROJECT_ID });
    expect(cloud.calls('ShowDomain')[0]!.headers['x-domain-id']).toBeUndefined();
  });

  it('the option or HUAWEICLOUD_SDK_DOMAIN_ID: no lookup; a wrong one is refused before anything is sent', async () => {
    await client({ domainId: DOMAIN_ID }).listCertificates({ limit: 10 });
    await client({ env: { HUAWEICLOUD_SDK_DOMAIN_ID: DOMAIN_ID } }).listCertificates({ limit: 10 });
    expect(cloud.calls('KeystoneListAuthDomains')).toEqual([]);
    expect(cloud.calls('ListCertificates')).toHaveLength(2);
    expect(() => client({ domainId: 'x/../y' })).toThrow(ConfigurationError);
    expect(() => client({ domainId: 'x/../y' })).toThrow(/domainId "x\/\.\.\/y" is not 32 hexadecimal digits/);
    // Control characters (an escape sequence) are never echoed: the value is described by its length.
    const escaping = `${'a'.repeat(28)}\u001b[2J`;
    const refused = (() => {
      try {
        client({ domainId: escaping });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refused).toMatch(/^domainId of 32 characters \(not shown\) is not 32 hexadecimal digits/);
    expect(refused).not.toContain('\u001b');
    expect(() => client({ env: { HUAWEICLOUD_SDK_DOMAIN_ID: 'nope' } })).toThrow(/HUAWEICLOUD_SDK_DOMAIN_ID/);
    await expect(client({ lookupDomainId: false }).listCertificates({ limit: 10 })).rejects.toThrow(
      /no account \(domain\) id for Cloud Certificate Manager/,
    );
    expect(cloud.received.filter((r) => r.service !== 'ccm' || r.operation !== 'ListCertificates')).toEqual([]);
  });

  it('an IAM answer that is not a domain list is not signed into a header', async () => {
    await cloud.stop();
    cloud = await startFakeCloud({
      keys: { [AK]: SK },
      projectId: PROJECT_ID,
      domainId: DOMAIN_ID,
      domains: [],
      intercept: (r) =>
        r.operation === 'KeystoneListAuthDomains'
          ? { status: 200, body: { domains: [{ id: 'abc\r\nX-Injected: 1' }] } }
          : undefined,
    });
    await expect(client().listCertificates({ limit: 10 })).rejects.toThrow(/not a domain list/);
    expect(cloud.calls('ListCertificates')).toEqual([]);
  });

  it('the CLI takes domain_id from the [global] section of the credentials file (no lookup)', async () => {
    const file = join(dir, 'credentials');
    writeFileSync(
      file,
      `[basic]\nak = ${AK}\nsk = ${SK}\n\n[global]\nak = ${AK}\nsk = ${SK}\ndomain_id = ${DOMAIN_ID}\n`,
      {
        mode: 0o600,
      },
    );
    const pki = standardPki();
    try {
      const r = await runInProcess(
        [
          'update',
          '--domain',
          'play.example.com',
          '--cert',
          pki.path('chain.crt'),
          '--key',
          pki.path('leaf.key'),
          '--via-ccm',
          '--endpoint',
          cloud.liveUrl,
          '--project-id',
          PROJECT_ID,
        ],
        {
          HUAWEICLOUD_SDK_CREDENTIALS_FILE: file,
          HUAWEICLOUD_SDK_REGION_SCM_CN_NORTH_4: cloud.ccmUrl,
          // Were it looked up, the lookup would land here and be counted.
          HUAWEICLOUD_SDK_IAM_ENDPOINT: cloud.iamUrl,
          XDG_STATE_HOME: dir,
        },
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      pki.cleanup();
    }
    expect(cloud.calls('KeystoneListAuthDomains')).toEqual([]);
    expect(cloud.calls('ImportCertificate')[0]!.headers['x-domain-id']).toBe(DOMAIN_ID);
    expect(cloud.calls('UpdateDomainHttpsCert')).toHaveLength(1);
  });
});

describe('a pace per service', () => {
  it("CCM's calls do not wait behind Live's, nor Live's behind CCM's", async () => {
    let now = 1_000_000;
    const waits: number[] = [];
    const timers: Timers = {
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    };
    // One start a second on each service.
    const live = client({ domainId: DOMAIN_ID, requestsPerMinute: 60, timers });
    await live.showDomain({});
    await live.listCertificates({ limit: 10 });
    await live.showDomain({});
    await live.listCertificates({ limit: 10 });
    // One shared pace would have made the 2nd, 3rd and 4th wait a second each; per service only
    // Live's second waits (CCM's second finds its second already passed).
    expect(waits).toEqual([1000]);
    expect(live.pace.started).toBe(2);
  });
});
