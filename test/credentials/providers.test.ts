// The ready providers (env, credentials file, metadata service) and the chain's precedence:
// explicit > env > file > metadata, each proven by which access key signed at a verifying server.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/index.js';
import {
  CredentialsNotFoundError,
  createNodeLiveClient,
  defaultCredentials,
  envCredentials,
  metadataCredentials,
  profileCredentials,
} from '../../src/node/index.js';
import { startMetadataServer, type MetadataServer } from '../support/metadata-server.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const KEYS = {
  EXPLICITAK: 'explicit-secret-key-value',
  ENVAK: 'env-secret-key-value',
  FILEAK: 'file-secret-key-value',
  METADATAAK: 'metadata-secret-key-value',
};

let dir: string;
let server: VerifyingServer | undefined;
let metadata: MetadataServer | undefined;
const home = process.env['HOME'];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'live-creds-'));
  // ~/.huaweicloud/credentials is this test's (absent unless a test writes it).
  process.env['HOME'] = dir;
});
afterEach(async () => {
  process.env['HOME'] = home;
  await server?.stop();
  await metadata?.stop();
  server = undefined;
  metadata = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function profile(text: string, mode = 0o600): string {
  const file = join(dir, 'credentials');
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

const hourFromNow = () => new Date(Date.now() + 3600_000);

describe('envCredentials', () => {
  it('reads the official names, with the project id and a security token', async () => {
    const env = {
      HUAWEICLOUD_SDK_AK: 'ENVAK',
      HUAWEICLOUD_SDK_SK: 'env-sk-value',
      HUAWEICLOUD_SDK_SECURITY_TOKEN: 'env-security-token',
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
    };
    await expect(envCredentials({ env })()).resolves.toEqual({
      accessKey: 'ENVAK',
      secretKey: 'env-sk-value',
      securityToken: 'env-security-token',
      projectId: PROJECT,
    });
  });

  it('an IAM token from HUAWEICLOUD_SDK_AUTH_TOKEN; nothing set is "not found"; half a pair or both kinds are errors', async () => {
    await expect(envCredentials({ env: { HUAWEICLOUD_SDK_AUTH_TOKEN: 'env-token-value' } })()).resolves.toEqual({
      token: 'env-token-value',
    });
    await expect(envCredentials({ env: {} })()).rejects.toBeInstanceOf(CredentialsNotFoundError);
    await expect(envCredentials({ env: { HUAWEICLOUD_SDK_AK: 'A' } })()).rejects.toThrow(
      /HUAWEICLOUD_SDK_SK is not set/,
    );
    const both = envCredentials({
      env: { HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: 'sk-value', HUAWEICLOUD_SDK_AUTH_TOKEN: 't' },
    })();
    await expect(both).rejects.toThrow(/both HUAWEICLOUD_SDK_AK\/SK and HUAWEICLOUD_SDK_AUTH_TOKEN/);
  });
});

describe('profileCredentials', () => {
  it('a file with project_id, security_token and iam_endpoint ([basic], comments, both separators)', async () => {
    const file = profile(
      '# Huawei Cloud\n[basic]\nak = FILEAK\nsk: file-sk-value\nsecurity_token = file-token\nproject_id = 0123456789abcdef0123456789abcdef\niam_endpoint = https://iam.example.test\n\n[global]\nak = OTHER\n',
    );
    await expect(profileCredentials({ file })()).resolves.toEqual({
      accessKey: 'FILEAK',
      secretKey: 'file-sk-value',
      securityToken: 'file-token',
      projectId: PROJECT,
      iamEndpoint: 'https://iam.example.test',
    });
  });

  it('a file without project_id gives none (the client looks it up)', async () => {
    const file = profile('[basic]\nak = FILEAK\nsk = file-sk-value\n');
    await expect(profileCredentials({ file })()).resolves.toEqual({ accessKey: 'FILEAK', secretKey: 'file-sk-value' });
  });

  it('HUAWEICLOUD_SDK_CREDENTIALS_FILE names the file; else ~/.huaweicloud/credentials', async () => {
    const file = profile('[basic]\nak = FILEAK\nsk = file-sk-value\n');
    await expect(profileCredentials({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: file } })()).resolves.toMatchObject({
      accessKey: 'FILEAK',
    });
    await expect(profileCredentials({ env: {} })()).rejects.toBeInstanceOf(CredentialsNotFoundError);
    mkdirSync(join(dir, '.huaweicloud'));
    writeFileSync(join(dir, '.huaweicloud', 'credentials'), '[basic]\nak = HOMEAK\nsk = home-sk-value\n', {
      mode: 0o600,
    });
    await expect(profileCredentials({ env: {} })()).resolves.toMatchObject({ accessKey: 'HOMEAK' });
  });

  it("the HOME of the env option wins over the process's own (the env given is the whole environment)", async () => {
    const other = mkdtempSync(join(tmpdir(), 'live-creds-other-home-'));
    try {
      mkdirSync(join(other, '.huaweicloud'));
      writeFileSync(join(other, '.huaweicloud', 'credentials'), '[basic]\nak = OTHERAK\nsk = other-sk-value\n', {
        mode: 0o600,
      });
      // The process's HOME (this test's dir) has no file; the env's HOME has one.
      await expect(profileCredentials({ env: { HOME: other } })()).resolves.toMatchObject({ accessKey: 'OTHERAK' });
      await expect(profileCredentials({ env: { HOME: dir } })()).rejects.toBeInstanceOf(CredentialsNotFoundError);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('warns, like ssh, when group or others can read the file; not when it is 0600', async () => {
    const warnings: string[] = [];
    const onWarning = (message: string) => warnings.push(message);
    await profileCredentials({ file: profile('[basic]\nak = FILEAK\nsk = file-sk-value\n', 0o644), onWarning })();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/accessible by group or others \(mode 0644\).*chmod 600/);
    expect(warnings[0]).not.toContain('file-sk-value');
    await profileCredentials({ file: profile('[basic]\nak = FILEAK\nsk = file-sk-value\n', 0o600), onWarning })();
    expect(warnings).toHaveLength(1);
  });

  it('a named file that is missing, a file without [basic] or without sk, or an sk of spaces: clear errors, not "not found"', async () => {
    const missing = profileCredentials({ file: join(dir, 'nope') })();
    await expect(missing).rejects.toThrow(/cannot read the credentials file .*nope: ENOENT/);
    await expect(missing).rejects.not.toBeInstanceOf(CredentialsNotFoundError);
    await expect(profileCredentials({ file: profile('[global]\nak = A\nsk = b\n') })()).rejects.toThrow(
      /no \[basic\] section/,
    );
    await expect(profileCredentials({ file: profile('[basic]\nak = A\n') })()).rejects.toThrow(/needs both ak and sk/);
    await expect(profileCredentials({ file: profile('[basic]\nak = A\nsk = two words\n') })()).rejects.toThrow(
      /secretKey must be text without spaces/,
    );
  });
});

describe('profileCredentials reads the file as the official SDK (configparser) does', () => {
  it('two [basic] sections, or a key twice: refused with both line numbers, no key pair mixed from two', async () => {
    const twoSections = profile('[basic]\nak = A1\nsk = S1-secret\n\n[basic]\nak = A2\nsk = S2-secret\n');
    await expect(profileCredentials({ file: twoSections })()).rejects.toThrow(
      /section \[basic\] appears twice \(again on line 5\)/,
    );
    const twoKeys = profile('[basic]\nak = A1\nsk = S1-secret\nak = A2\n');
    const refused = profileCredentials({ file: twoKeys })();
    await expect(refused).rejects.toBeInstanceOf(ConfigurationError);
    await expect(refused).rejects.toThrow(/key "ak" appears twice in \[basic\] \(again on line 4\)/);
    await expect(refused).rejects.not.toThrow(/S1-secret/);
  });

  it('[DEFAULT] applies to [basic]; a comment after the header is accepted; %% is a literal %', async () => {
    const file = profile(
      `[DEFAULT]\nproject_id = ${PROJECT}\niam_endpoint = https://iam.example.test\n[basic] # prod\nak = FILEAK\nsk = file-sk-100%%\n`,
    );
    await expect(profileCredentials({ file })()).resolves.toEqual({
      accessKey: 'FILEAK',
      secretKey: 'file-sk-100%',
      projectId: PROJECT,
      iamEndpoint: 'https://iam.example.test',
    });
  });

  it('lines configparser refuses are refused with their line, and say so', async () => {
    await expect(profileCredentials({ file: profile('ak = A\n[basic]\nsk = S\n') })()).rejects.toThrow(
      /line 1 comes before any \[section\] header/,
    );
    await expect(profileCredentials({ file: profile('[basic]\nak = A\nsk = S\njust words\n') })()).rejects.toThrow(
      /line 4 is neither/,
    );
    await expect(profileCredentials({ file: profile('[basic]\nak = A\nsk = 50%\n') })()).rejects.toThrow(
      /"sk" in \[basic\] has a % not followed by % or \(; write a literal % as %%/,
    );
  });
});

describe('metadataCredentials', () => {
  it('asks for a session token, then reads the security key with it', async () => {
    metadata = await startMetadataServer({
      access: 'METADATAAK',
      secret: 'metadata-sk',
      securitytoken: 'metadata-security-token',
      expiresAt: hourFromNow(),
    });
    const found = await metadataCredentials({ endpoint: metadata.url })();
    expect(found).toMatchObject({
      accessKey: 'METADATAAK',
      secretKey: 'metadata-sk',
      securityToken: 'metadata-security-token',
    });
    expect(found.expiresAt?.getTime()).toBe(metadata.key.expiresAt.getTime());
    expect(metadata.calls).toEqual([
      { what: 'PUT token', token: undefined },
      { what: 'GET securitykey', token: 'session-token-1' },
    ]);
  });

  it('an expired session token: a new one, and the read again', async () => {
    metadata = await startMetadataServer({
      access: 'METADATAAK',
      secret: 'metadata-sk',
      securitytoken: 't',
      expiresAt: hourFromNow(),
    });
    const provider = metadataCredentials({ endpoint: metadata.url });
    await provider();
    metadata.expireTokens();
    await expect(provider()).resolves.toMatchObject({ accessKey: 'METADATAAK' });
    expect(metadata.calls.map((c) => `${c.what} ${c.token ?? '-'}`)).toEqual([
      'PUT token -',
      'GET securitykey session-token-1',
      'GET securitykey session-token-1',
      'PUT token -',
      'GET securitykey session-token-2',
    ]);
  });

  it('a service without session tokens (404) is read without one', async () => {
    metadata = await startMetadataServer(
      { access: 'METADATAAK', secret: 'metadata-sk', securitytoken: 't', expiresAt: hourFromNow() },
      { tokens: false },
    );
    await expect(metadataCredentials({ endpoint: metadata.url })()).resolves.toMatchObject({ accessKey: 'METADATAAK' });
  });

  it('an instance without an agency is "not found", with the fix', async () => {
    metadata = await startMetadataServer(
      { access: 'A', secret: 's', securitytoken: 't', expiresAt: hourFromNow() },
      { noAgency: true },
    );
    const error = await metadataCredentials({ endpoint: metadata.url })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsNotFoundError);
    expect((error as Error).message).toMatch(/no agency; bind one/);
  });

  it('never holds up a machine outside the cloud: nothing listening, or a service that never answers, is "not found" within the short timeout', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    await expect(metadataCredentials({ endpoint: `http://127.0.0.1:${closed}` })()).rejects.toBeInstanceOf(
      CredentialsNotFoundError,
    );
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const error = await metadataCredentials({
        endpoint: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        timeoutMs: 200,
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsNotFoundError);
      expect((error as Error).message).toMatch(/nothing answered .* within 200 ms/);
      // Bounded by the timeout, not by the operating system's connect timeout (minutes).
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('precedence: explicit > env > credentials file > metadata', () => {
  async function signerOf(options: {
    explicit?: boolean;
    env?: boolean;
    file?: boolean;
    metadata?: boolean;
  }): Promise<string | undefined> {
    server = await startVerifyingServer({ keys: KEYS });
    metadata = await startMetadataServer({
      access: 'METADATAAK',
      secret: KEYS.METADATAAK,
      securitytoken: 'metadata-security-token',
      expiresAt: hourFromNow(),
    });
    const env: Record<string, string> = options.env
      ? { HUAWEICLOUD_SDK_AK: 'ENVAK', HUAWEICLOUD_SDK_SK: KEYS.ENVAK }
      : {};
    if (options.file) {
      mkdirSync(join(dir, '.huaweicloud'));
      writeFileSync(join(dir, '.huaweicloud', 'credentials'), `[basic]\nak = FILEAK\nsk = ${KEYS.FILEAK}\n`, {
        mode: 0o600,
      });
    }
    const chain = defaultCredentials({ env, metadata: options.metadata ? { endpoint: metadata.url } : false });
    const live = createNodeLiveClient({
      projectId: PROJECT,
      endpoint: server.url,
      retries: 0,
      credentials: options.explicit ? { accessKey: 'EXPLICITAK', secretKey: KEYS.EXPLICITAK } : chain,
    });
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    expect(server.received.map((r) => r.verdict)).toEqual(['ok']);
    return server.received[0]?.accessKey;
  }

  it('explicit credentials win over all the others', async () => {
    expect(await signerOf({ explicit: true, env: true, file: true, metadata: true })).toBe('EXPLICITAK');
  });
  it('then the environment', async () => {
    expect(await signerOf({ env: true, file: true, metadata: true })).toBe('ENVAK');
  });
  it('then the credentials file', async () => {
    expect(await signerOf({ file: true, metadata: true })).toBe('FILEAK');
  });
  it('then the metadata service, last', async () => {
    expect(await signerOf({ metadata: true })).toBe('METADATAAK');
    expect(server?.received[0]?.headers['x-security-token']).toBe('metadata-security-token');
  });
  it('createNodeLiveClient without credentials uses the chain (here: the environment of the process)', async () => {
    server = await startVerifyingServer({ keys: KEYS });
    process.env['HUAWEICLOUD_SDK_AK'] = 'ENVAK';
    process.env['HUAWEICLOUD_SDK_SK'] = KEYS.ENVAK;
    try {
      await createNodeLiveClient({ projectId: PROJECT, endpoint: server.url, retries: 0 }).showDomainHttpsCert({
        domain: 'play.example.com',
      });
    } finally {
      delete process.env['HUAWEICLOUD_SDK_AK'];
      delete process.env['HUAWEICLOUD_SDK_SK'];
    }
    expect(server.received.map((r) => [r.accessKey, r.verdict])).toEqual([['ENVAK', 'ok']]);
  });

  it('nothing anywhere: one error listing where it looked, before anything is sent', async () => {
    server = await startVerifyingServer({ keys: KEYS });
    const live = createNodeLiveClient({
      projectId: PROJECT,
      endpoint: server.url,
      credentials: defaultCredentials({ env: {}, metadata: false }),
    });
    const error = await live.showDomainHttpsCert({ domain: 'play.example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/no credentials found:\n.*environment.*\n.*credentials file/s);
    expect(server.received).toEqual([]);
  });
});
