// The CLI, in process, with credentials found the official SDKs' ways: only a credentials file (no
// variables, no project id) against local IAM and Live servers; metadata credentials; SM3; which
// source wins.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startMetadataServer, type MetadataServer } from '../support/metadata-server.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'CLIPROFILEAK';
const SK = 'cli-profile-secret-key-value';
const ID = '0123456789abcdef0123456789abcdef';
let home: string;
let server: VerifyingServer | undefined;
let metadata: MetadataServer | undefined;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'live-cli-home-'));
});
afterEach(async () => {
  await server?.stop();
  await metadata?.stop();
  server = undefined;
  metadata = undefined;
  rmSync(home, { recursive: true, force: true });
});

function writeProfile(text: string, mode = 0o600): void {
  mkdirSync(join(home, '.huaweicloud'));
  writeFileSync(join(home, '.huaweicloud', 'credentials'), text, { mode });
}

describe('live-https-cert show with only ~/.huaweicloud/credentials', () => {
  it('no variables, no project id: looks the project up at IAM, then shows the domain', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    writeProfile(`[basic]\nak = ${AK}\nsk = ${SK}\n`);
    const r = await runCli(
      ['show', '--domain', 'play.example.com', '--region', 'cn-north-4', '--endpoint', server.url],
      {
        HOME: home,
        HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^play\.example\.com\n {2}certificate_format: PEM/);
    expect(server.received.map((q) => [q.method, q.url, q.verdict, q.accessKey])).toEqual([
      ['GET', '/v3/projects?name=cn-north-4', 'ok', AK],
      ['GET', `/v1/${ID}/guard/https-cert?domain=play.example.com`, 'ok', AK],
    ]);
    expect(r.stdout + r.stderr).not.toContain(SK);
  });

  it('a fleet looks the project id up once', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    writeProfile(`[basic]\nak = ${AK}\nsk = ${SK}\n`);
    const r = await runCli(
      [
        'show',
        '--domain',
        'a.example.com',
        '--domain',
        'b.example.com',
        '--domain',
        'c.example.com',
        '--endpoint',
        server.url,
        '--json',
      ],
      {
        HOME: home,
        HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url,
      },
    );
    expect(r.code).toBe(0);
    expect(server.received.filter((q) => q.url.startsWith('/v3/'))).toHaveLength(1);
    expect(server.received.filter((q) => q.url.startsWith('/v1/'))).toHaveLength(3);
  });

  it('project_id in the file: no lookup; a file others can read: a warning on stderr, and the command still runs', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    writeProfile(`[basic]\nak = ${AK}\nsk = ${SK}\nproject_id = ${ID}\n`, 0o644);
    const r = await runCli(['show', '--domain', 'play.example.com', '--endpoint', server.url], { HOME: home });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: the credentials file .*credentials is accessible by group or others \(mode 0644\); .*chmod 600/,
    );
    expect(server.received.map((q) => q.url)).toEqual([`/v1/${ID}/guard/https-cert?domain=play.example.com`]);
  });

  it('the environment wins over the file; --project-id over everything', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK, ENVAK: 'env-secret-key-value' } });
    writeProfile(`[basic]\nak = ${AK}\nsk = ${SK}\nproject_id = ${ID}\n`);
    const flagId = 'fedcba9876543210fedcba9876543210';
    const r = await runCli(['show', '--domain', 'play.example.com', '--endpoint', server.url, '--project-id', flagId], {
      HOME: home,
      HUAWEICLOUD_SDK_AK: 'ENVAK',
      HUAWEICLOUD_SDK_SK: 'env-secret-key-value',
    });
    expect(r.code).toBe(0);
    expect(server.received.map((q) => [q.accessKey, q.headers['x-project-id']])).toEqual([['ENVAK', flagId]]);
  });

  it('--project-id wins over HUAWEICLOUD_SDK_PROJECT_ID', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    await runCli(
      [
        'show',
        '--domain',
        'a.example.com',
        '--endpoint',
        server.url,
        '--project-id',
        'f1a9f1a9f1a9f1a9f1a9f1a9f1a9f1a9',
      ],
      {
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_PROJECT_ID: 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0',
      },
    );
    expect(server.received[0]?.url).toContain('/v1/f1a9f1a9f1a9f1a9f1a9f1a9f1a9f1a9/');
  });

  it('--signing-algorithm SDK-HMAC-SM3 signs the lookup and the call with SM3', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: { 'cn-north-4': [ID] } });
    writeProfile(`[basic]\nak = ${AK}\nsk = ${SK}\n`);
    const r = await runCli(
      [
        'show',
        '--domain',
        'play.example.com',
        '--endpoint',
        server.url,
        '--iam-endpoint',
        server.url,
        '--signing-algorithm',
        'SDK-HMAC-SM3',
      ],
      { HOME: home },
    );
    expect(r.code).toBe(0);
    expect(server.received.map((q) => [q.algorithm, q.verdict])).toEqual([
      ['SDK-HMAC-SM3', 'ok'],
      ['SDK-HMAC-SM3', 'ok'],
    ]);
  });

  it('--dry-run with file credentials and SM3: the SM3 canonical request is printed, no SK or security token, nothing sent', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const securityToken = 'cli-profile-security-token-7f6e5d4c3b2a';
    writeProfile(`[basic]\nak = ${AK}\nsk = ${SK}\nsecurity_token = ${securityToken}\nproject_id = ${ID}\n`);
    const r = await runCli(
      [
        'delete',
        '--domain',
        'play.example.com',
        '--endpoint',
        server.url,
        '--signing-algorithm',
        'SDK-HMAC-SM3',
        '--dry-run',
        '--json',
      ],
      { HOME: home },
    );
    expect(r.code).toBe(0);
    const text = r.stdout + r.stderr;
    expect(text).toContain(`SDK-HMAC-SM3 Access=${AK}`);
    expect(text).toContain('x-security-token');
    // The canonical request is recomputed with the signature's own digest: its last line is the
    // SM3 hash of the empty body, not the SHA-256 one.
    const [result] = (JSON.parse(r.stdout) as { results: { request: { canonicalRequest: string[] } }[] }).results;
    expect(result?.request.canonicalRequest.at(-1)).toBe(
      '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b',
    );
    expect(text).not.toContain(SK);
    expect(text).not.toContain(securityToken);
    expect(server.received).toEqual([]);
  });

  it('zero projects at IAM: exit 2 with the trace id, nothing sent to Live', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK }, projects: {} });
    writeProfile(`[basic]\nak = ${AK}\nsk = ${SK}\n`);
    const r = await runCli(
      ['show', '--domain', 'a.example.com', '--domain', 'b.example.com', '--endpoint', server.url],
      { HOME: home, HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no project named "cn-north-4" in this account \(X-IAM-Trace-Id=trace-cn-north-4\)/);
    expect(server.received.filter((q) => q.url.startsWith('/v1/'))).toEqual([]);
  });
});

describe('live-https-cert with the metadata service (last in the chain)', () => {
  it('temporary credentials from the metadata service, with their security token', async () => {
    server = await startVerifyingServer({ keys: { METAAK: 'metadata-secret-key-value' } });
    metadata = await startMetadataServer({
      access: 'METAAK',
      secret: 'metadata-secret-key-value',
      securitytoken: 'metadata-security-token',
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const r = await runCli(['show', '--domain', 'play.example.com', '--endpoint', server.url, '--project-id', ID], {
      HOME: home,
      LIVE_HTTPS_CERT_METADATA_ENDPOINT: metadata.url,
    });
    expect(r.code).toBe(0);
    expect(server.received.map((q) => [q.accessKey, q.verdict, q.headers['x-security-token']])).toEqual([
      ['METAAK', 'ok', 'metadata-security-token'],
    ]);
  });

  it('no credentials anywhere: exit 2 listing where it looked', async () => {
    const r = await runCli(
      ['show', '--domain', 'play.example.com', '--endpoint', 'http://127.0.0.1:9', '--project-id', ID],
      { HOME: home },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no credentials: set HUAWEICLOUD_SDK_AK .*\n.*environment: .*\n.*credentials file: .* does not exist/s,
    );
  });
});
