// `npm run contract:proxy` checks a real server against the spec through `prism proxy`. Here the
// upstream is the local verifying server (it checks the AK/SK signature of every request it gets):
// one run where it answers as the spec says, one where show answers a body the spec forbids.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerifyingServer, type Received } from '../support/verifying-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AK = 'PROXYCONTRACTAK';
const SK = 'proxy-contract-secret-key-not-real';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'live-proxy-'));
  writeFileSync(
    join(work, 'update.json'),
    JSON.stringify({ tls_certificate: { source: 'scm', cert_id: 'scs1700000000000' } }),
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function contractProxy(
  upstream: string,
  extra: string[] = ['--json'],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      'npm',
      [
        'run',
        '--silent',
        'contract:proxy',
        '--',
        '--upstream',
        upstream,
        '--domain',
        'play.example.com',
        '--operations',
        'show,update,delete',
        '--body',
        join(work, 'update.json'),
        ...extra,
      ],
      {
        cwd: root,
        env: { ...process.env, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run contract:proxy (prism proxy in front of a real server)', () => {
  it('a conforming upstream: every operation passes, with zero violations, and every signature verified upstream', async () => {
    const server = await startVerifyingServer({ keys: { [AK]: SK } });
    try {
      const run = await contractProxy(server.url);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('"conforms": true');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as {
        conforms: boolean;
        outcomes: { operation: string; status: number; violations: unknown[] }[];
      };
      expect(report.conforms).toBe(true);
      expect(report.outcomes.map((o) => [o.operation, o.status, o.violations])).toEqual([
        ['show', 200, []],
        ['update', 200, []],
        ['delete', 204, []],
      ]);
      expect(server.received.map((r) => [r.method, r.verdict])).toEqual([
        ['GET', 'ok'],
        ['PUT', 'ok'],
        ['DELETE', 'ok'],
      ]);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('an upstream whose show answers a body the spec forbids: the command reports the violation and exits 1', async () => {
    const forbidden = (r: Received) =>
      r.method === 'GET'
        ? { status: 200, body: { certificate: 123, force_redirect: 'yes' } }
        : r.method === 'DELETE'
          ? { status: 204 }
          : { status: 200 };
    const server = await startVerifyingServer({ keys: { [AK]: SK }, reply: forbidden });
    try {
      const run = await contractProxy(server.url);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as {
        conforms: boolean;
        outcomes: { operation: string; violations: { location?: string[] }[]; error?: string }[];
      };
      expect(report.conforms).toBe(false);
      const show = report.outcomes.find((o) => o.operation === 'show');
      expect(show?.violations).toEqual(
        expect.arrayContaining([expect.objectContaining({ location: ['response', 'body', 'certificate'] })]),
      );
      expect(report.outcomes.filter((o) => o.operation !== 'show').every((o) => o.violations.length === 0)).toBe(true);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('an upstream that does not answer (nothing listening; a socket closed unanswered) is "no answer", not a violation', async () => {
    // A server that takes the connection and closes it without a word.
    const mute = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const port = (mute.address() as { port: number }).port;
    try {
      for (const upstream of [`http://127.0.0.1:${port}`, 'http://127.0.0.1:9']) {
        const run = await contractProxy(upstream);
        expect(run.code).toBe(1);
        const report = JSON.parse(run.stdout) as {
          conforms: boolean;
          outcomes: {
            operation: string;
            status?: number;
            answered: boolean;
            violations: unknown[];
            noAnswer?: string;
          }[];
        };
        expect(report.conforms).toBe(false);
        expect(report.outcomes.map((o) => [o.operation, o.status, o.answered, o.violations])).toEqual([
          ['show', undefined, false, []],
          ['update', undefined, false, []],
          ['delete', undefined, false, []],
        ]);
        expect(report.outcomes[0]!.noAnswer).toMatch(/ECONNREFUSED|socket hang up|ECONNRESET/);
        const human = await contractProxy(upstream, []);
        expect(human.code).toBe(1);
        expect(human.stdout).toMatch(/^show: no answer from the upstream \(/m);
        expect(human.stdout).not.toContain('violation');
        expect(human.stdout).toContain(
          `contract:proxy: ${upstream} did not answer (3 of 3 operations): nothing was checked`,
        );
      }
    } finally {
      mute.close();
    }
  }, 180_000);
});
