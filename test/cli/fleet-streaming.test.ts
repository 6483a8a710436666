// Fleet commands write each domain's result as it finishes (issue 16.8): a server holds one
// domain's answer back, and the others' results are on stdout before it answers, in JSON (one
// document, written piece by piece) and as text.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../support/run-cli.js';

const ENV = {
  HUAWEICLOUD_SDK_AK: 'STREAMAK',
  HUAWEICLOUD_SDK_SK: 'stream-secret-key-0123456789',
  HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};
const EMPTY = { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false };

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Answers every GET at once, but the one for `slow.example.com` only when released. */
async function holdingServer(): Promise<{ url: string; release: () => void; held: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let heldNow!: () => void;
  const held = new Promise<void>((r) => (heldNow = r));
  server = createServer((req, res) => {
    const domain = new URL(req.url ?? '/', 'http://x').searchParams.get('domain');
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `r-${domain}` });
      res.end(JSON.stringify(EMPTY));
    };
    if (domain === 'slow.example.com') {
      heldNow();
      void released.then(answer);
    } else answer();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release, held };
}

const fleet = (url: string, ...more: string[]) => [
  'status',
  // The first domain of a fleet runs alone (a refused signature stops the fleet before it is sent
  // 150 times): the held one comes second.
  '--domain',
  'a.example.com',
  '--domain',
  'slow.example.com',
  '--domain',
  'b.example.com',
  '--endpoint',
  url,
  ...more,
];

describe('fleet results are written as they finish', () => {
  it('--json: the finished domains are on stdout while one is still waiting; the whole is one valid document', async () => {
    const { url, release, held } = await holdingServer();
    let seen = '';
    const run = runInProcess(fleet(url, '--json'), ENV, { onStdout: (t) => (seen += t) });
    await held;
    await vi.waitFor(() => {
      expect(seen).toContain('"domain": "a.example.com"');
      expect(seen).toContain('"domain": "b.example.com"');
    });
    expect(seen).not.toContain('"domain": "slow.example.com"');
    release();
    const r = await run;
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout) as {
      ok: boolean;
      summary: { total: number; failed: number };
      results: { domain: string }[];
    };
    expect(doc.ok).toBe(false);
    expect(doc.summary).toMatchObject({ total: 3, failed: 3 });
    expect(doc.results.map((x) => x.domain).sort()).toEqual(['a.example.com', 'b.example.com', 'slow.example.com']);
  });

  it('text: each finished domain has its line while one is still waiting', async () => {
    const { url, release, held } = await holdingServer();
    let seen = '';
    const run = runInProcess(fleet(url), ENV, { onStdout: (t) => (seen += t) });
    await held;
    await vi.waitFor(() => expect(seen).toMatch(/a\.example\.com +failed +ATTENTION/));
    expect(seen).not.toMatch(/slow\.example\.com +failed/);
    release();
    const r = await run;
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/slow\.example\.com +failed +ATTENTION/);
    expect(r.stdout).toContain('0 of 3 succeeded (0 ok, 0 unchanged), 3 failed, 0 skipped');
  });
});
