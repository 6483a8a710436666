// Credentials that change: plain ones are a snapshot taken at creation; a provider's are used as
// it gives them, refreshed before they expire, and every secret it gave is redacted.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createLiveClient, LiveApiError, type CredentialsProvider } from '../../src/index.js';
import { metadataCredentials } from '../../src/node/index.js';
import { startMetadataServer, type MetadataServer } from '../support/metadata-server.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
let server: VerifyingServer | undefined;
let metadata: MetadataServer | undefined;
afterEach(async () => {
  await server?.stop();
  await metadata?.stop();
  server = undefined;
  metadata = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('plain credentials are copied at creation (issue 8, item 4)', () => {
  it('changing the object afterwards changes nothing: the old AK and the old SK, together', async () => {
    server = await startVerifyingServer({ keys: { OLDAK: 'old-secret-key-value', NEWAK: 'new-secret-key-value' } });
    const credentials = { accessKey: 'OLDAK', secretKey: 'old-secret-key-value', securityToken: 'old-security-token' };
    const live = createLiveClient({ projectId: PROJECT, endpoint: server.url, credentials, retries: 0 });
    credentials.accessKey = 'NEWAK';
    credentials.secretKey = 'new-secret-key-value';
    credentials.securityToken = 'new-security-token';
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    const [request] = server.received;
    expect(request).toMatchObject({ verdict: 'ok', accessKey: 'OLDAK' });
    expect(request?.headers['x-security-token']).toBe('old-security-token');
  });
});

describe('a provider (an async function) rotates them', () => {
  it('a token the provider rotated is redacted when the server echoes it', async () => {
    const tokens = ['first-rotating-token-value-0001', 'second-rotating-token-value-0002'];
    let calls = 0;
    server = await startVerifyingServer({
      tokens,
      reply: (received) => ({
        status: 400,
        body: { error_code: 'LIVE.400', error_msg: `bad request with token ${received.headers['x-auth-token']}` },
      }),
    });
    // Expires at once: every request asks the provider again.
    const provider: CredentialsProvider = async () => ({
      token: tokens[Math.min(calls++, 1)]!,
      expiresAt: new Date(Date.now() - 1),
    });
    const live = createLiveClient({ projectId: PROJECT, endpoint: server.url, credentials: provider, retries: 0 });
    for (const token of tokens) {
      const error = (await live
        .showDomainHttpsCert({ domain: 'play.example.com' })
        .catch((e: unknown) => e)) as LiveApiError;
      expect(error).toBeInstanceOf(LiveApiError);
      expect(server.received.at(-1)?.headers['x-auth-token']).toBe(token);
      const shown = `${error.message} ${error.errorMsg} ${error.body} ${JSON.stringify(error)}`;
      expect(shown).toContain('[REDACTED]');
      for (const secret of tokens) expect(shown).not.toContain(secret.slice(0, 16));
    }
  });

  it('concurrent requests share one provider call; the answer is kept until shortly before it expires', async () => {
    server = await startVerifyingServer({ keys: { PROVIDEDAK: 'provided-secret-key' } });
    let calls = 0;
    const provider: CredentialsProvider = async () => {
      calls++;
      await sleep(20);
      return { accessKey: 'PROVIDEDAK', secretKey: 'provided-secret-key', expiresAt: new Date(Date.now() + 3600_000) };
    };
    const live = createLiveClient({ projectId: PROJECT, endpoint: server.url, credentials: provider, retries: 0 });
    await Promise.all(Array.from({ length: 10 }, () => live.showDomainHttpsCert({ domain: 'play.example.com' })));
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    expect(calls).toBe(1);
    expect(server.received.map((r) => r.verdict)).toEqual(Array(11).fill('ok'));
  });

  it('what a provider returns is checked like plain credentials: an SK of spaces is refused, nothing sent', async () => {
    server = await startVerifyingServer({ keys: {} });
    const live = createLiveClient({
      projectId: PROJECT,
      endpoint: server.url,
      credentials: async () => ({ accessKey: 'AK', secretKey: '   ' }),
    });
    await expect(live.showDomainHttpsCert({ domain: 'play.example.com' })).rejects.toThrow(
      /credentials\.secretKey .*from the credentials provider/,
    );
    expect(server.received).toEqual([]);
  });
});

describe('metadata credentials with expiry and refresh (a local metadata service that rotates them)', () => {
  it('the next request after expiry is signed with the new ones; the old SK is never used again', async () => {
    const OLD = {
      access: 'METAOLDAK',
      secret: 'metadata-old-secret-key',
      securitytoken: 'metadata-old-security-token',
    };
    const NEW = {
      access: 'METANEWAK',
      secret: 'metadata-new-secret-key',
      securitytoken: 'metadata-new-security-token',
    };
    const keys: Record<string, string> = { [OLD.access]: OLD.secret, [NEW.access]: NEW.secret };
    server = await startVerifyingServer({ keys });
    // The first key lives 1.2 s: the client refreshes at the latest half-way (0.6 s).
    metadata = await startMetadataServer({ ...OLD, expiresAt: new Date(Date.now() + 1200) });
    const live = createLiveClient({
      projectId: PROJECT,
      endpoint: server.url,
      credentials: metadataCredentials({ endpoint: metadata.url }),
      retries: 0,
    });

    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    expect(metadata.calls.filter((c) => c.what === 'GET securitykey')).toHaveLength(1);

    // The service rotates; the old key stops working at the gateway when it expires.
    metadata.key = { ...NEW, expiresAt: new Date(Date.now() + 3600_000) };
    await sleep(1300);
    delete keys[OLD.access];
    const before = server.received.length;
    for (let i = 0; i < 5; i++) await live.showDomainHttpsCert({ domain: 'play.example.com' });

    const after = server.received.slice(before);
    expect(after.map((r) => [r.accessKey, r.verdict])).toEqual(Array(5).fill([NEW.access, 'ok']));
    expect(after.map((r) => r.headers['x-security-token'])).toEqual(Array(5).fill(NEW.securitytoken));
    expect(server.received.slice(0, before).map((r) => r.accessKey)).toEqual([OLD.access, OLD.access]);
    expect(metadata.calls.filter((c) => c.what === 'GET securitykey')).toHaveLength(2);
  });
});

describe('credentials that cannot work are refused at creation (issue 8, item 14)', () => {
  it.each([
    ['an SK of only spaces', { accessKey: 'AK', secretKey: '    ' }, 'credentials.secretKey'],
    ['an SK ending in a newline', { accessKey: 'AK', secretKey: 'secret-key-value\n' }, 'credentials.secretKey'],
    ['an SK with a tab inside', { accessKey: 'AK', secretKey: 'secret\tkey' }, 'credentials.secretKey'],
    [
      'a token and an AK/SK both',
      { accessKey: 'AK', secretKey: 'secret-key-value', token: 'token-value' },
      'credentials',
    ],
  ])('%s', (_name, credentials, option) => {
    const create = () => createLiveClient({ projectId: PROJECT, credentials: credentials as never });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(expect.objectContaining({ option }));
    try {
      create();
    } catch (error) {
      expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('secret-key-value');
    }
  });
});
