// The built executable on a terminal (util-linux `script` gives it a pseudo-terminal, as an
// interactive shell would): main.ts tells the commands that stderr and stdin are a terminal, so a
// fleet shows its progress line, and delete of a fleet asks, reading the answer from stdin. (What
// the commands do with a terminal is tested in process: test/cli/.)
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, TEST_STATE_HOME } from '../support/cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'TERMINALSUITEAK';
const SK = 'terminal-suite-secret-key-value';
const PROJECT = '0123456789abcdef0123456789abcdef';
let server: VerifyingServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The CLI on a pseudo-terminal; `answer` is typed when a [y/N] question appears. */
function onTty(args: string[], answer?: string): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'script',
      ['-qec', [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'],
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          XDG_STATE_HOME: TEST_STATE_HOME,
          HUAWEICLOUD_SDK_AK: AK,
          HUAWEICLOUD_SDK_SK: SK,
          HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
          LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
          LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE: '0',
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (answer !== undefined && out.includes('[y/N]') && !child.stdin.writableEnded) child.stdin.end(`${answer}\n`);
    });
    if (answer === undefined) child.stdin.end();
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
  });
}

const fleet = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];

describe('the built CLI on a terminal', () => {
  it('a fleet shows a progress line; with --json it stays quiet', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const shown = await onTty(['show', ...fleet, '--endpoint', server.url]);
    expect(shown.status).toBe(0);
    expect(shown.out).toContain('[3/3] 3 ok, 0 failed');
    const quiet = await onTty(['show', ...fleet, '--endpoint', server.url, '--json']);
    expect(quiet.status).toBe(0);
    expect(quiet.out).not.toContain('[1/3]');
    expect(quiet.out).toContain('"status": "ok"');
  });

  it.each([
    ['n', 2, 0],
    ['y', 0, 2],
  ])('delete of a fleet asks; answering %s: exit %i, %i DELETEs sent', async (answer, code, sent) => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const r = await onTty(
      ['delete', '--domain', 'a.example.com', '--domain', 'b.example.com', '--endpoint', server.url],
      answer,
    );
    expect(r.out).toContain(
      'Delete the HTTPS certificate configuration of 2 domains (a.example.com, b.example.com)? [y/N]',
    );
    expect(r.status).toBe(code);
    expect(server.received.filter((x) => x.method === 'DELETE')).toHaveLength(sent);
  });
});
