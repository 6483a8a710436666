// The contrib acme.sh deploy script runs the built executable (LIVE_HTTPS_CERT) with acme.sh's
// file arguments. (Its quoting, against a stub CLI: test/ops/acme-hook.test.ts.)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

describe('contrib/acme.sh/huaweicloud_live.sh', () => {
  it('the acme.sh deploy script calls the CLI with _cfullchain/_ckey', async () => {
    const endpoint = await store();
    const script = new URL('../../contrib/acme.sh/huaweicloud_live.sh', import.meta.url).pathname;
    // acme.sh sources the script and calls <name>_deploy domain key cert ca fullchain.
    const shell = `_info() { echo "$@"; }; _err() { echo "$@" >&2; }; _debug() { :; }; _getdeployconf() { :; }; _savedeployconf() { :; };
      . '${script}'; huaweicloud_live_deploy '*.example.com' '${pki.path('wild.key')}' '${pki.path('wild.crt')}' '${pki.path('int.crt')}' '${pki.path('wild-chain.crt')}'`;
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('sh', ['-c', shell], {
        env: {
          PATH: process.env['PATH'] ?? '',
          XDG_STATE_HOME: TEST_STATE_HOME,
          LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
          ...ENV,
          LIVE_HTTPS_CERT: `${process.execPath} ${CLI}`,
          HUAWEICLOUD_LIVE_DOMAINS: 'a.example.com other.example.org',
          HUAWEICLOUD_SDK_ENDPOINT: endpoint[1]!,
        },
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c));
      child.stderr.on('data', (c: Buffer) => (out += c));
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(r.out).toContain('a.example.com');
    expect(r.code).toBe(0);
    expect(puts().map(domainOf)).toEqual(['a.example.com']);
  });
});
