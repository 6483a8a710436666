// live-https-cert update, in process (runCli with an injected io) against the verifying server.
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
