// live-https-cert check, in process: the pre-flight findings offline (no credentials, no endpoint),
// and certificates and keys that are hard to read (an unreadable validity date, files that never end, pipes).
import { execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, newPki, type Pki } from '../../support/certs.js';
import { runInProcess } from '../../support/run-cli.js';
import { noRawError, unreadableCert } from './unreadable-cert-fixture.js';

describe('check', () => {
  let pki: Pki;
  beforeAll(() => {
    pki = newPki();
    makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 90 });
  });
  afterAll(() => pki.cleanup());

  it('check works offline (no credentials, no endpoint)', async () => {
    const r = await runInProcess([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('wild.crt'),
      '--key',
      pki.path('wild.key'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('result: no errors');
    const bad = await runInProcess([
      'check',
      '--domain',
      'play.example.org',
      '--cert',
      pki.path('wild.crt'),
      '--key',
      pki.path('wild.key'),
      '--json',
    ]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, results: [{ ok: false, domain: 'play.example.org' }] });
  });
});

describe('check of certificates and keys that are hard to read', () => {
  const unreadable = unreadableCert();

  it('check: a failed certificate-parses finding, exit 2 (not a RangeError, exit 1)', async () => {
    const r = await runInProcess([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      unreadable.pki.path('bad.crt'),
      '--key',
      unreadable.pki.path('leaf.key'),
    ]);
    noRawError(r.stdout + r.stderr);
    expect(r.stdout).toMatch(/FAIL\s+\S+\s+certificate-parses/);
    expect(r.code).toBe(2);
  });

  it('--cert /dev/zero is refused at 1 MB with exit 2, not read until memory runs out', async () => {
    const r = await runInProcess([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      '/dev/zero',
      '--key',
      unreadable.pki.path('leaf.key'),
    ]);
    expect(r.stderr).toMatch(/--cert \/dev\/zero: gives more than 1 MB/);
    expect(r.code).toBe(2);
  }, 20_000);

  it('a key from a pipe (as `--key <(vault read ...)` gives) still works', async () => {
    // A FIFO fed by another process: its size says nothing, it is read until the writer closes it.
    const fifo = unreadable.pki.path('key.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', unreadable.pki.path('leaf.key'), fifo], { stdio: 'ignore' });
    const r = await runInProcess([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      unreadable.pki.path('leaf.crt'),
      '--key',
      fifo,
    ]);
    await new Promise((resolve) => writer.on('close', resolve));
    expect(r.stdout).toMatch(/ok\s+\S+\s+key-matches/);
    expect(r.code).toBe(0);
  });
});
