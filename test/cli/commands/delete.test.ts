// live-https-cert delete, in process: against Prism (a token, fleets), against the verifying server
// (signed fleets with a failure, a 404, --yes and the confirm prompt on a terminal, the progress
// line, --concurrency), and against the stateful fake of Live and CCM: the setting is saved first,
// so rollback puts a deleted binding back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../support/run-cli.js';
import { ccmFixturePerTest } from './ccm-fixture.js';
import { onPrism, prismEnv } from './prism-fixture.js';
import { AK, ENV, SK, verifyingServerPerTest } from './verifying-fixture.js';

describe('delete against Prism', () => {
  it('delete, with a token from HUAWEICLOUD_SDK_AUTH_TOKEN', async () => {
    const r = await runInProcess(['delete', '--domain', 'play.example.com', ...onPrism()], {
      HUAWEICLOUD_SDK_AUTH_TOKEN: 'cli-token-value',
      HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deleted the HTTPS certificate configuration of play.example.com');
  });

  it('takes fleets too: with --yes, the JSON document', async () => {
    const fleet = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];
    const deleted = await runInProcess(['delete', ...fleet, '--yes', '--json', ...onPrism()], prismEnv());
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout).results.map((o: { status: string }) => o.status)).toEqual(['ok', 'ok', 'ok']);
  });
});

describe('delete against the verifying server', () => {
  const live = verifyingServerPerTest();

  it('a fleet is signed and verified, one failure reported', async () => {
    const url = await live.serve((domain, method) =>
      method === 'DELETE' && domain === 'b.example.com'
        ? { status: 404, body: { error_code: 'LIVE.103011019', error_msg: 'not exists' } }
        : undefined,
    );
    const fleet = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];
    const env = { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK };
    const deleted = await runInProcess(
      ['delete', ...fleet, '--yes', '--endpoint', url, '--project-id', '0123456789abcdef0123456789abcdef'],
      env,
    );
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toContain('2 of 3 succeeded (2 ok, 0 unchanged), 1 failed');
    // Per domain the GET that saves the rollback state, then the DELETE.
    expect(live.server?.received.map((r) => r.verdict)).toEqual(Array(6).fill('ok'));
  });

  it('a 404 domain: exit 1 and the API message', async () => {
    const url = await live.serve(() => ({
      status: 404,
      body: { error_code: 'LIVE.103011019', error_msg: 'The resource to access is not exists' },
    }));
    const r = await runInProcess(
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

  it('a fleet on a terminal shows a progress line; with --json it stays quiet', async () => {
    const url = await live.serve();
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
    const onTty = (extra: string[]) => runInProcess([...args, ...extra], env, { io: { stderrIsTTY: true } });
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
    const r = await runInProcess(
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

  it('delete of more than one domain without --yes off a terminal: exit 2, nothing sent; with --yes it runs', async () => {
    const endpoint = await live.store();
    const r = await runInProcess(
      ['delete', '--domain', 'a.example.com', '--domain', 'b.example.com', ...endpoint],
      ENV,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(live.server!.received).toEqual([]);
    const yes = await runInProcess(
      ['delete', '--domain', 'a.example.com', '--domain', 'b.example.com', '--yes', ...endpoint],
      ENV,
    );
    expect(yes.code).toBe(0);
    // Each DELETE follows the GET that saved the domain's setting for rollback.
    expect(live.server!.received.map((x) => x.method)).toEqual(['GET', 'DELETE', 'GET', 'DELETE']);
  });

  it.each([
    [false, 2, 0],
    [true, 0, 2],
  ])('delete of a fleet on a terminal asks; answering %s: exit %i, %i DELETEs sent', async (answer, code, sent) => {
    const endpoint = await live.store();
    const asked: string[] = [];
    const r = await runInProcess(
      ['delete', '--domain', 'a.example.com', '--domain', 'b.example.com', ...endpoint],
      ENV,
      {
        io: {
          stdinIsTTY: true,
          confirm: async (question) => {
            asked.push(question);
            return answer;
          },
        },
      },
    );
    expect(asked).toEqual([
      'Delete the HTTPS certificate configuration of 2 domains (a.example.com, b.example.com)? [y/N] ',
    ]);
    expect(r.code).toBe(code);
    if (!answer) expect(r.stderr).toContain('not confirmed; nothing was sent');
    expect(live.server!.received.filter((x) => x.method === 'DELETE')).toHaveLength(sent);
  });
});

describe('delete saves the setting first, for rollback', () => {
  const f = ccmFixturePerTest();
  const tls = (domain: string) => f.cloud.domains.get(domain)!.config?.['tls_certificate'] as Record<string, unknown>;

  it('saves the deployed setting first, so rollback puts the deleted CCM binding back', async () => {
    expect(tls('a.example.com')).toMatchObject({ source: 'scm', cert_id: f.oldId });

    const d = await runInProcess(['delete', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], f.env());
    expect(d.stderr).toBe('');
    expect(d.code).toBe(0);
    expect(f.cloud.domains.get('a.example.com')!.config).toBeUndefined();
    // The read that the save needs goes before the delete.
    const ops = f.cloud.received.map((r) => r.operation).filter((o) => o?.endsWith('DomainHttpsCert'));
    expect(ops).toEqual(['ShowDomainHttpsCert', 'DeleteDomainHttpsCert']);

    const r = await runInProcess(['rollback', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], f.env());
    expect(r.code).toBe(0);
    expect(tls('a.example.com')).toMatchObject({ source: 'scm', cert_id: f.oldId });
  });

  it('deletes nothing when the setting cannot be saved; a dry run neither reads nor saves', async () => {
    const unwritable = join(f.stateHome, 'not-a-directory');
    writeFileSync(unwritable, '');
    const env = { ...f.env(), XDG_STATE_HOME: unwritable };
    const d = await runInProcess(['delete', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], env);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('could not save the rollback state of a.example.com');
    expect(f.cloud.calls('DeleteDomainHttpsCert')).toHaveLength(0);
    expect(tls('a.example.com')).toMatchObject({ cert_id: f.oldId });

    const reads = f.cloud.calls('ShowDomainHttpsCert').length;
    const dry = await runInProcess(
      ['delete', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl, '--dry-run'],
      f.env(),
    );
    expect(dry.code).toBe(0);
    expect(f.cloud.calls('DeleteDomainHttpsCert')).toHaveLength(0);
    expect(f.cloud.calls('ShowDomainHttpsCert')).toHaveLength(reads);
  });
});
