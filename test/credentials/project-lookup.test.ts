// The project id looked up at IAM (KeystoneListProjects) when none is given: signed with the
// AK/SK (a verifying server playing IAM checks it), one, zero or several projects, cached per
// access key and region, the IAM endpoint from the option, the variable, the file or the region.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createLiveClient, LiveApiError, type LiveClientOptions } from '../../src/index.js';
import { clearProjectIdCache, createNodeLiveClient, profileCredentials } from '../../src/node/index.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'LOOKUPTESTAK';
const SK = 'lookup-test-secret-key';
const ID = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';

let server: VerifyingServer | undefined;
beforeEach(() => clearProjectIdCache());
afterEach(async () => {
  await server?.stop();
  server = undefined;
  delete process.env['HUAWEICLOUD_SDK_IAM_ENDPOINT'];
});

function client(overrides: Partial<LiveClientOptions> = {}) {
  return createLiveClient({
    endpoint: server!.url,
    iamEndpoint: server!.url,
    credentials: { accessKey: AK, secretKey: SK },
    retries: 0,
    ...overrides,
  });
}
const iamCalls = () => server!.received.filter((r) => r.url.startsWith('/v3/projects'));
const liveCalls = () => server!.received.filter((r) => r.url.startsWith('/v1/'));

describe('one project: found, signed, used', () => {
  it('GET /v3/projects?name=<region> signed with the AK/SK, then the Live call on that project', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-east-3': [ID] } });
    const live = client({ region: 'cn-east-3' });
    expect(live.projectId).toBeUndefined();
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    expect(live.projectId).toBe(ID);
    const [iam] = iamCalls();
    expect(iam).toMatchObject({ method: 'GET', url: '/v3/projects?name=cn-east-3', verdict: 'ok', accessKey: AK });
    // An IAM call names no project.
    expect(iam?.headers['x-project-id']).toBeUndefined();
    expect(liveCalls().map((r) => [r.url, r.verdict, r.headers['x-project-id']])).toEqual([
      [`/v1/${ID}/guard/https-cert?domain=play.example.com`, 'ok', ID],
    ]);
  });

  it('SM3 signs the lookup too', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    await client({ signingAlgorithm: 'SDK-HMAC-SM3' }).showDomainHttpsCert({ domain: 'play.example.com' });
    expect(server.received.map((r) => [r.algorithm, r.verdict])).toEqual([
      ['SDK-HMAC-SM3', 'ok'],
      ['SDK-HMAC-SM3', 'ok'],
    ]);
  });

  it('a lookup whose signature the server refuses is a LiveApiError of KeystoneListProjects, nothing sent to Live', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    const error = await client({ credentials: { accessKey: AK, secretKey: 'wrong-secret-key' } })
      .showDomainHttpsCert({ domain: 'play.example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveApiError);
    expect(error).toMatchObject({ status: 401, operation: 'KeystoneListProjects', errorCode: 'APIGW.0301' });
    expect((error as Error).message).toMatch(/^KeystoneListProjects failed with HTTP 401/);
    expect(liveCalls()).toEqual([]);
  });
});

describe('zero or several projects: a clear error with X-IAM-Trace-Id, nothing sent to Live', () => {
  it('zero', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: {} });
    const error = await client({ region: 'ap-southeast-3' })
      .showDomainHttpsCert({ domain: 'play.example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option: 'projectId' });
    expect((error as Error).message).toMatch(
      /no project named "ap-southeast-3" in this account \(X-IAM-Trace-Id=trace-ap-southeast-3\); .*--project-id/,
    );
    expect(liveCalls()).toEqual([]);
  });

  it('several', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID, OTHER] } });
    const error = await client()
      .showDomainHttpsCert({ domain: 'play.example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `several projects match region "cn-north-4": ${ID}, ${OTHER} \\(X-IAM-Trace-Id=trace-cn-north-4\\); choose one`,
      ),
    );
    expect(liveCalls()).toEqual([]);
  });

  it('an answer the spec does not vouch for (a project id that is not 32 hex digits) is refused', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': ['..'] } });
    const error = await client()
      .showDomainHttpsCert({ domain: 'play.example.com' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /not a project list \(projects\.0\.id must match the spec's pattern \^\[0-9a-f\]\{32\}\$, got "\.\."; X-IAM-Trace-Id=trace-cn-north-4\)/,
    );
    expect(liveCalls()).toEqual([]);
  });

  it('token credentials cannot look it up: refused at creation', () => {
    expect(() => createLiveClient({ credentials: { token: 'token-value' } })).toThrow(
      expect.objectContaining({ option: 'projectId' }),
    );
  });
});

describe('cached per access key and region', () => {
  it('one IAM call for many requests, concurrent ones and several clients included', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID], 'cn-east-3': [OTHER] } });
    const first = client();
    await Promise.all(Array.from({ length: 20 }, () => first.showDomainHttpsCert({ domain: 'play.example.com' })));
    await client().deleteDomainHttpsCert({ domain: 'play.example.com' });
    expect(iamCalls()).toHaveLength(1);
    expect(liveCalls()).toHaveLength(21);
    // Another region is another project: one more lookup.
    await client({ region: 'cn-east-3' }).showDomainHttpsCert({ domain: 'play.example.com' });
    expect(iamCalls().map((r) => r.url)).toEqual(['/v3/projects?name=cn-north-4', '/v3/projects?name=cn-east-3']);
    expect(liveCalls().at(-1)?.url).toContain(`/v1/${OTHER}/`);
  });

  it('a failed lookup is not kept: the next call asks again', async () => {
    const projects: Record<string, string[]> = {};
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects });
    const live = client();
    await expect(live.showDomainHttpsCert({ domain: 'play.example.com' })).rejects.toThrow(/no project named/);
    projects['cn-north-4'] = [ID];
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    expect(iamCalls()).toHaveLength(2);
  });
});

describe('one precedence, option > env > file > default, with the environment handed over as `env`', () => {
  const fileWith = (dir: string, lines: string) => {
    const file = join(dir, 'credentials');
    writeFileSync(file, `[basic]\nak = ${AK}\nsk = ${SK}\n${lines}`);
    chmodSync(file, 0o600);
    return profileCredentials({ file });
  };

  it('the IAM endpoint: the option, else HUAWEICLOUD_SDK_IAM_ENDPOINT of env, else the file, else the region', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    const dir = mkdtempSync(join(tmpdir(), 'live-precedence-'));
    const unused = 'http://127.0.0.1:9';
    try {
      // The file names a dead IAM; the env's wins over it (the library used to prefer the file).
      const credentials = fileWith(dir, `iam_endpoint = ${unused}\n`);
      const viaEnv = client({ iamEndpoint: undefined, credentials, env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url } });
      await viaEnv.showDomainHttpsCert({ domain: 'play.example.com' });
      expect(iamCalls()).toHaveLength(1);
      clearProjectIdCache();
      // The option wins over a dead env value.
      const viaOption = client({ credentials, env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: unused } });
      await viaOption.showDomainHttpsCert({ domain: 'play.example.com' });
      expect(iamCalls()).toHaveLength(2);
      // The process environment is not read when env is given.
      process.env['HUAWEICLOUD_SDK_IAM_ENDPOINT'] = unused;
      clearProjectIdCache();
      await client({ iamEndpoint: undefined, env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url } }).showDomainHttpsCert({
        domain: 'play.example.com',
      });
      expect(iamCalls()).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the project id: the option, else HUAWEICLOUD_SDK_PROJECT_ID of env, else the file, else IAM', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [OTHER] } });
    const dir = mkdtempSync(join(tmpdir(), 'live-precedence-'));
    const THIRD = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    try {
      const credentials = fileWith(dir, `project_id = ${THIRD}\n`);
      const env = { HUAWEICLOUD_SDK_PROJECT_ID: ID };
      expect(await client({ credentials, env, projectId: OTHER }).resolveProjectId()).toBe(OTHER);
      expect(await client({ credentials, env }).resolveProjectId()).toBe(ID);
      expect(await client({ credentials, env: {} }).resolveProjectId()).toBe(THIRD);
      expect(iamCalls()).toHaveLength(0);
      expect(await client({ env: {} }).resolveProjectId()).toBe(OTHER);
      expect(iamCalls()).toHaveLength(1);
      // A token with the project id in env needs no lookup; without one it is refused at creation.
      expect(client({ credentials: { token: 't' }, env }).projectId).toBe(ID);
      expect(() => client({ credentials: { token: 't' }, env: {} })).toThrow(/no project id: .*not a token/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('where IAM is', () => {
  it('HUAWEICLOUD_SDK_IAM_ENDPOINT when no iamEndpoint option', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    process.env['HUAWEICLOUD_SDK_IAM_ENDPOINT'] = server.url;
    await client({ iamEndpoint: undefined }).showDomainHttpsCert({ domain: 'play.example.com' });
    expect(iamCalls()).toHaveLength(1);
  });

  it('a credentials file with project_id: no lookup; without: looked up at its iam_endpoint', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [OTHER] } });
    const dir = mkdtempSync(join(tmpdir(), 'live-lookup-'));
    try {
      const withId = join(dir, 'with-id');
      writeFileSync(withId, `[basic]\nak = ${AK}\nsk = ${SK}\nproject_id = ${ID}\n`);
      const withoutId = join(dir, 'without-id');
      writeFileSync(withoutId, `[basic]\nak = ${AK}\nsk = ${SK}\niam_endpoint = ${server.url}\n`);
      chmodSync(withId, 0o600);
      chmodSync(withoutId, 0o600);
      const options = { endpoint: server.url, retries: 0 };
      await createNodeLiveClient({ ...options, credentials: profileCredentials({ file: withId }) }).showDomainHttpsCert(
        { domain: 'a.example.com' },
      );
      expect(iamCalls()).toHaveLength(0);
      expect(liveCalls()[0]?.url).toContain(`/v1/${ID}/`);
      await createNodeLiveClient({
        ...options,
        credentials: profileCredentials({ file: withoutId }),
      }).showDomainHttpsCert({ domain: 'b.example.com' });
      expect(iamCalls()).toHaveLength(1);
      expect(liveCalls()[1]?.url).toContain(`/v1/${OTHER}/`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an IAM endpoint that is not a URL is a configuration error naming iamEndpoint', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    await expect(
      client({ iamEndpoint: 'not a url' }).showDomainHttpsCert({ domain: 'play.example.com' }),
    ).rejects.toMatchObject({ option: 'iamEndpoint' });
  });
});
