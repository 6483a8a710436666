// The built executable and SIGINT (Ctrl-C): main.ts turns the signal into the commands' interrupt,
// the domains in flight finish, the rest are skipped, the report is printed and the exit code is
// 130. (The interrupt itself, in process: test/cli/commands/update.test.ts.)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Pki, standardPki } from '../support/certs.js';
import { CLI, TEST_STATE_HOME } from '../support/cli.js';
import { type Received, startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'OPSSUITEAK';
const SK = 'ops-suite-secret-key-0123456789';
const ENV = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};
let pki: Pki;
let server: VerifyingServer | undefined;

beforeAll(() => {
  pki = standardPki();
  writeFileSync(pki.path('wild-chain.crt'), pki.read('wild.crt') + pki.read('int.crt'));
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const domainOf = (r: Received) => new URL(r.url, 'http://x').searchParams.get('domain');
const puts = () => server!.received.filter((r) => r.method === 'PUT');

async function store(deployed: Record<string, object> = {}, delayMs = 0) {
  server = await startVerifyingServer({ keys: { [AK]: SK }, deployed, delayMs });
  return ['--endpoint', server.url];
}

describe('SIGINT', () => {
  it('SIGINT in a 500-domain fleet: in-flight finish, the rest skipped, exit 130; --report lines match what the server received', async () => {
    const endpoint = await store({}, 40);
    const domains = Array.from({ length: 500 }, (_, i) => `d${i}.example.com`);
    writeFileSync(pki.path('fleet.txt'), domains.join('\n'));
    const reportFile = pki.path('report.jsonl');
    const child = spawn(
      process.execPath,
      [
        CLI,
        'update',
        '--domains-file',
        pki.path('fleet.txt'),
        '--cert',
        pki.path('wild-chain.crt'),
        '--key',
        pki.path('wild.key'),
        '--always',
        '--concurrency',
        '4',
        '--report',
        reportFile,
        '--json',
        ...endpoint,
      ],
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          XDG_STATE_HOME: TEST_STATE_HOME,
          LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
          ...ENV,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    const lines = () => readFileSync(reportFile, 'utf8').split('\n').filter(Boolean);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        try {
          if (lines().length >= 20) {
            clearInterval(poll);
            resolve();
          }
        } catch {
          /* not created yet */
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const doc = JSON.parse(stdout);
    expect(doc.interrupted).toBe(true);
    expect(doc.summary.total).toBe(500);
    expect(doc.summary.skipped).toBeGreaterThan(300);
    expect(doc.summary.ok + doc.summary.skipped).toBe(500);
    const reported = lines().map((l) => JSON.parse(l) as { domain: string; status: string });
    const received = puts().map(domainOf);
    expect(reported.map((x) => x.domain).sort()).toEqual([...received].sort());
    expect(reported.every((x) => x.status === 'ok')).toBe(true);
    expect(
      doc.results
        .filter((x: { status: string }) => x.status === 'ok')
        .map((x: { domain: string }) => x.domain)
        .sort(),
    ).toEqual(reported.map((x) => x.domain).sort());
  });
});
