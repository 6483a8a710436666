// The CLI, in process, against the signature-verifying server: AK/SK from each environment variable
// family, API errors, network errors, fleets with failures, --fail-fast, --concurrency.
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/prism.js';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { type Reply, startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'CLIVERIFYAK';
const SK = 'cli-verify-secret-key-value';
let pki: Pki;
let server: VerifyingServer | undefined;

beforeAll(() => {
  pki = newPki();
  makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 90 });
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const domainOf = (url: string) => new URL(url, 'http://x').searchParams.get('domain');

async function serve(reply?: (domain: string | null, method: string) => Reply | undefined) {
  server = await startVerifyingServer({
    keys: { [AK]: SK },
    ...(reply
      ? {
          reply: (r) =>
            reply(domainOf(r.url), r.method) ??
            (r.method === 'GET'
              ? { status: 200, body: {} }
              : r.method === 'DELETE'
                ? { status: 204 }
                : { status: 200 }),
        }
      : {}),
  });
  return server.url;
}

const certArgs = () => ['--cert', pki.path('wild.crt'), '--key', pki.path('wild.key')];

describe('CLI against the verifying server', () => {
  it.each([
    ['HUAWEICLOUD_SDK_AK/SK', { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK }],
    ['CLOUD_SDK_AK/SK (the page samples)', { CLOUD_SDK_AK: AK, CLOUD_SDK_SK: SK }],
  ])('signs with %s and the server verifies it', async (_name, env) => {
    const url = await serve();
    const r = await runCli(
      [
        'update',
        '--domain',
        'play.example.com',
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '1111111111111111aaaaaaaaaaaaaaaa',
      ],
      env,
    );
    expect(r.code).toBe(0);
    // Read (GET), compare, write (PUT): both signed and verified.
    expect(server?.received.map((x) => [x.method, x.verdict])).toEqual([
      ['GET', 'ok'],
      ['PUT', 'ok'],
    ]);
    expect(server?.received[0]?.headers['x-project-id']).toBe('1111111111111111aaaaaaaaaaaaaaaa');
  });

  it('show and delete fleets are signed and verified, one failure reported', async () => {
    const url = await serve((domain, method) =>
      method === 'DELETE' && domain === 'b.example.com'
        ? { status: 404, body: { error_code: 'LIVE.103011019', error_msg: 'not exists' } }
        : undefined,
    );
    const fleet = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];
    const env = { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK };
    const shown = await runCli(
      ['show', ...fleet, '--endpoint', url, '--project-id', '0123456789abcdef0123456789abcdef'],
      env,
    );
    expect(shown.code).toBe(0);
    const deleted = await runCli(
      ['delete', ...fleet, '--yes', '--endpoint', url, '--project-id', '0123456789abcdef0123456789abcdef'],
      env,
    );
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toContain('2 of 3 succeeded (2 ok, 0 unchanged), 1 failed');
    // show: 3 GETs; delete: per domain the GET that saves the rollback state, then the DELETE.
    expect(server?.received.map((r) => r.verdict)).toEqual(Array(9).fill('ok'));
  });

  it('--project-id wins over HUAWEICLOUD_SDK_PROJECT_ID', async () => {
    const url = await serve();
    await runCli(
      ['show', '--domain', 'a.example.com', '--endpoint', url, '--project-id', 'f1a9f1a9f1a9f1a9f1a9f1a9f1a9f1a9'],
      {
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_PROJECT_ID: 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0',
      },
    );
    expect(server?.received[0]?.url).toContain('/v1/f1a9f1a9f1a9f1a9f1a9f1a9f1a9f1a9/');
  });

  it('a wrong SK: exit 1, APIGW.0301 and the request id on stderr, with what to do', async () => {
    const url = await serve();
    const r = await runCli(
      ['show', '--domain', 'a.example.com', '--endpoint', url, '--project-id', '0123456789abcdef0123456789abcdef'],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: 'wrong-secret-key' },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/APIGW\.0301.*request id verify-1.*check HUAWEICLOUD_SDK_AK/s);
  });

  it('a 404 domain: exit 1 and the API message', async () => {
    const url = await serve(() => ({
      status: 404,
      body: { error_code: 'LIVE.103011019', error_msg: 'The resource to access is not exists' },
    }));
    const r = await runCli(
      [
        'delete',
        '--domain',
        'gone.example.com',
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--json',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      summary: { failed: 1 },
      results: [
        { status: 'failed', error: { status: 404, errorCode: 'LIVE.103011019', requestId: 'verify-1', exitCode: 1 } },
      ],
    });
  });

  it('nothing listening: exit 3 after the retries', async () => {
    const port = await freePort();
    const r = await runCli(
      [
        'show',
        '--domain',
        'a.example.com',
        '--endpoint',
        `http://127.0.0.1:${port}`,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--retries',
        '1',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ECONNREFUSED');
    expect(r.stderr).toContain('2 attempts');
  });

  it('a fleet where one domain fails: the others succeed, the table says which, exit 1', async () => {
    const url = await serve((domain) =>
      domain === 'bad.example.com'
        ? { status: 404, body: { error_code: 'LIVE.103011019', error_msg: 'not exists' } }
        : undefined,
    );
    const domains = ['a.example.com', 'bad.example.com', 'c.example.com', 'd.example.com'];
    const r = await runCli(
      [
        'update',
        ...domains.flatMap((d) => ['--domain', d]),
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--concurrency',
        '2',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.example\.com\s+failed\s+ShowDomainHttpsCert failed with HTTP 404: LIVE\.103011019/);
    expect(r.stdout).toContain('3 of 4 succeeded (3 ok, 0 unchanged), 1 failed');
    expect(server?.received.filter((x) => x.method === 'PUT')).toHaveLength(3);
  });

  it('--fail-fast stops starting domains after the first failure', async () => {
    const url = await serve((domain) =>
      domain === 'b.example.com'
        ? { status: 400, body: { error_code: 'LIVE.100011001', error_msg: 'Request Illegal' } }
        : undefined,
    );
    const domains = ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com'];
    writeFileSync(pki.path('five.txt'), domains.join('\n'));
    const r = await runCli(
      [
        'update',
        '--domains-file',
        pki.path('five.txt'),
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--concurrency',
        '1',
        '--fail-fast',
        '--json',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results.map((o: { status: string }) => o.status)).toEqual([
      'ok',
      'failed',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect([...new Set(server?.received.map((x) => domainOf(x.url)))]).toEqual(['a.example.com', 'b.example.com']);
  });

  it('pre-flight errors for some domains of a fleet: those are not sent, exit 2', async () => {
    const url = await serve();
    const r = await runCli(
      [
        'update',
        '--domain',
        'a.example.com',
        '--domain',
        'a.example.org',
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--json',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(2);
    const outcomes = JSON.parse(r.stdout).results as { domain: string }[];
    expect(outcomes.find((o) => o.domain === 'a.example.org')).toMatchObject({
      status: 'failed',
      checks: { ok: false },
    });
    expect([...new Set(server?.received.map((x) => domainOf(x.url)))]).toEqual(['a.example.com']);
  });

  it('--skip-checks uploads despite pre-flight errors', async () => {
    const url = await serve();
    const r = await runCli(
      [
        'update',
        '--domain',
        'a.example.org',
        ...certArgs(),
        '--endpoint',
        url,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--skip-checks',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(0);
    expect(server?.received.filter((x) => x.method === 'PUT')).toHaveLength(1);
  });

  it('a fleet on a terminal shows a progress line; with --json it stays quiet', async () => {
    const url = await serve();
    const args = [
      'delete',
      '--domain',
      'a.example.com',
      '--domain',
      'b.example.com',
      '--domain',
      'c.example.com',
      '--yes',
      '--endpoint',
      url,
      '--project-id',
      '0123456789abcdef0123456789abcdef',
    ];
    // On a terminal (stderr a TTY) the progress line goes to stderr; the pseudo-terminal wiring of
    // the built executable is tested in test/package/terminal.test.ts.
    const env = { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK };
    const onTty = (extra: string[]) => runCli([...args, ...extra], env, { io: { stderrIsTTY: true } });
    const shown = await onTty([]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('[3/3] 3 ok, 0 failed');
    expect(shown.stdout).toContain('3 of 3 succeeded');
    const quiet = await onTty(['--json']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('[1/3]');
    expect(quiet.stdout).toContain('"status": "ok"');
  });

  // A slow upstream in front of nothing: deletes `count` domains and counts overlapping requests.
  const EMPTY_SETTING = { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false };
  async function peakInFlight(
    count: number,
    concurrency: number,
    delayMs: number,
  ): Promise<{ code: number | null; peak: number }> {
    let inFlight = 0;
    let peak = 0;
    const { createServer } = await import('node:http');
    const slow = createServer((req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        // delete reads the deployed setting first (the rollback state), then deletes.
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(EMPTY_SETTING));
        } else res.writeHead(204).end();
      }, delayMs);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as { port: number }).port;
    const domains = Array.from({ length: count }, (_, i) => ['--domain', `d${i}.example.com`]).flat();
    const r = await runCli(
      [
        'delete',
        ...domains,
        '--endpoint',
        `http://127.0.0.1:${port}`,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--concurrency',
        String(concurrency),
        '--yes',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    slow.closeAllConnections();
    slow.close();
    return { code: r.code, peak };
  }

  it('--concurrency bounds the requests in flight', async () => {
    const { code, peak } = await peakInFlight(12, 3, 50);
    expect(code).toBe(0);
    expect(peak).toBe(3);
  });

  it("--concurrency above the client's default in-flight cap (64) is not held back by it", async () => {
    const { code, peak } = await peakInFlight(100, 100, 300);
    expect(code).toBe(0);
    expect(peak).toBeGreaterThan(64);
  });
});
