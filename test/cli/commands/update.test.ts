// live-https-cert update, in process (runCli with an injected io) against the verifying server.
import { chmodSync, existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Pki, standardPki } from '../../support/certs.js';
import { runInProcess } from '../../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../../support/verifying-server.js';

const AK = 'UPDATESUITEAK';
const SK = 'update-suite-secret-key-0123456789';
const ENV = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};
let pki: Pki;
let server: VerifyingServer;

beforeAll(async () => {
  pki = standardPki();
  server = await startVerifyingServer({ keys: { [AK]: SK }, delayMs: 5 });
});
afterAll(async () => {
  await server.stop();
  pki.cleanup();
});

describe('update --dry-run', () => {
  it('over many domains at once, each result shows its own request, and no key text', async () => {
    const domains = Array.from({ length: 120 }, (_, i) => `d${i}.example.com`);
    const r = await runInProcess(
      [
        'update',
        ...domains.flatMap((d) => ['--domain', d]),
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--skip-checks',
        '--concurrency',
        '16',
        '--endpoint',
        server.url,
        '--dry-run',
        '--json',
      ],
      ENV,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = (JSON.parse(r.stdout) as { results: { domain: string; request: { url: string } }[] }).results;
    expect(results).toHaveLength(domains.length);
    for (const result of results)
      expect(new URL(result.request.url).searchParams.get('domain'), result.domain).toBe(result.domain);
    expect(r.stdout).not.toContain(pki.read('wild.key').split('\n')[1]);
    expect(server.received.filter((x) => x.method !== 'GET')).toEqual([]);
  });
});

const one = (...more: string[]) => [
  'update',
  '--domain',
  'play.example.com',
  '--cert',
  pki.path('chain.crt'),
  '--key',
  pki.path('leaf.key'),
  '--endpoint',
  server.url,
  '--dry-run',
  ...more,
];

describe('files an update reads and writes', () => {
  it('a private key file group or others may read gets a warning; a private one none', async () => {
    chmodSync(pki.path('leaf.key'), 0o640);
    const open = await runInProcess(one(), ENV);
    expect(open.code).toBe(0);
    expect(open.stderr).toContain(
      `warning: --key ${pki.path('leaf.key')} is accessible by group or others (mode 0640)`,
    );
    expect(open.stderr).toContain(`chmod 600 ${pki.path('leaf.key')}`);
    chmodSync(pki.path('leaf.key'), 0o600);
    const closed = await runInProcess(one(), ENV);
    expect(closed.code).toBe(0);
    expect(closed.stderr).not.toContain('accessible by group or others');
  });

  it('--report through a symbolic link it did not create is refused before anything is sent', async () => {
    const target = pki.path('someone-elses-file');
    writeFileSync(target, 'precious\n');
    const link = pki.path('report-link.jsonl');
    symlinkSync(target, link);
    const before = server.received.length;
    const r = await runInProcess(one('--report', link), ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--report ${link}: is a symbolic link`);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(server.received.length).toBe(before);
  });

  it('--report creates a file only its owner can read, a line per domain', async () => {
    const report = pki.path('new-report.jsonl');
    expect(existsSync(report)).toBe(false);
    const r = await runInProcess(one('--report', report), ENV);
    expect(r.code).toBe(0);
    expect(statSync(report).mode & 0o777).toBe(0o600);
    expect(
      readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).domain),
    ).toEqual(['play.example.com']);
  });
});
