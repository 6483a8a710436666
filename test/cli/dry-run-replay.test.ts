// A dry run must not print a usable credential (issue 8, item 3): what `--dry-run --json` printed
// is replayed against the verifying server and refused. The signed header list and the canonical
// request stay, so signing can still be debugged; the security token does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'REPLAYSUITEAK';
const SK = 'replay-suite-secret-key-0123456789';
const SECURITY_TOKEN = 'REPLAY-SECURITY-TOKEN-0123456789abcdef';
const TOKEN = 'REPLAY-IAM-TOKEN-0123456789abcdef0123';
// Real project ids are 32 hex digits.
const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
let server: VerifyingServer;

beforeAll(async () => {
  server = await startVerifyingServer({ keys: { [AK]: SK }, tokens: [TOKEN] });
});
afterAll(() => server.stop());

async function dryRunRequest(env: Record<string, string>) {
  const r = await runCli(
    [
      'delete',
      '--domain',
      'play.example.com',
      '--endpoint',
      server.url,
      '--project-id',
      PROJECT,
      '--dry-run',
      '--json',
    ],
    env,
  );
  expect(r.code).toBe(0);
  return {
    text: r.stdout,
    request: JSON.parse(r.stdout).results[0].request as {
      method: string;
      url: string;
      headers: Record<string, string>;
      canonicalRequest?: string[];
    },
  };
}

describe('dry run output cannot be replayed', () => {
  it('AK/SK with a security token: no signature value, no token; the replay is refused; the canonical request is shown', async () => {
    const { text, request } = await dryRunRequest({
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN,
    });
    expect(server.received).toEqual([]);
    expect(request.headers['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=REPLAYSUITEAK, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date;x-security-token, Signature=\[REDACTED\]$/,
    );
    expect(text).not.toContain(SECURITY_TOKEN);
    expect(text).not.toContain(SK);
    expect(request.canonicalRequest?.join('\n')).toMatch(
      /^DELETE\n\/v1\/0a1b2c3d4e5f60718293a4b5c6d7e8f9\/guard\/https-cert\/\ndomain=play.example.com\ncontent-type:application\/json\nhost:127\.0\.0\.1:\d+\nuser-agent:live-https-cert\/[^\n]+\nx-project-id:0a1b2c3d4e5f60718293a4b5c6d7e8f9\nx-sdk-date:\d{8}T\d{6}Z\nx-security-token:\[REDACTED\]\n\ncontent-type;host;user-agent;x-project-id;x-sdk-date;x-security-token\n[0-9a-f]{64}$/,
    );

    const replay = await fetch(request.url, { method: request.method, headers: request.headers });
    expect(replay.status).toBe(401);
    expect(server.received.map((r) => r.verdict)).toEqual(['bad-signature']);
  });

  it('an IAM token: X-Auth-Token redacted; the replay is refused', async () => {
    server.received.length = 0;
    const { text, request } = await dryRunRequest({ HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN });
    expect(text).not.toContain(TOKEN);
    expect(request.headers['x-auth-token']).toBe('[REDACTED]');
    const replay = await fetch(request.url, { method: request.method, headers: request.headers });
    expect(replay.status).toBe(401);
    expect(server.received.map((r) => r.verdict)).toEqual(['no-auth']);
  });

  it('the human dry run also keeps the signed headers and shows the canonical request, without the signature', async () => {
    const r = await runCli(
      [
        'update',
        '--domain',
        'play.example.com',
        '--scm-cert-id',
        'scs1',
        '--always',
        '--endpoint',
        server.url,
        '--project-id',
        PROJECT,
        '--dry-run',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Signature=\[REDACTED\]\n/);
    expect(r.stdout).toContain(
      'Canonical request (what the signature covers):\nPUT\n/v1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/guard/https-cert/',
    );
  });
});
