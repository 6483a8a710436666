// The built binary with its stdout closed early (`live-https-cert status ... --json | head -c 10`):
// the output stops quietly, no EPIPE stack trace, and the exit code is the command's own (issue 16.12).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, TEST_STATE_HOME } from '../support/cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'PIPESUITEAK';
const SK = 'pipe-suite-secret-key-0123456789';
let server: VerifyingServer;

beforeAll(async () => {
  // Every domain has no certificate: status needs attention (exit 4) for each.
  server = await startVerifyingServer({ keys: { [AK]: SK }, deployed: {} });
});
afterAll(() => server.stop());

function runWithStdoutClosedAfterFirstChunk(json: boolean) {
  const domains = Array.from({ length: 400 }, (_, i) => ['--domain', `d${i}.example.com`]).flat();
  const child = spawn(
    process.execPath,
    [
      CLI,
      'status',
      ...domains,
      '--endpoint',
      server.url,
      '--project-id',
      '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      // Loopback: no gateway to pace for (400 domains at the default 120/min would take minutes).
      '--requests-per-minute',
      '0',
      ...(json ? ['--json'] : []),
    ],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        XDG_STATE_HOME: TEST_STATE_HOME,
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  // As `head -c 10` does: read a little, then close the read end of the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

describe('a closed stdout', () => {
  it.each([true, false])('stops the output quietly and keeps the exit code (--json: %s)', async (json) => {
    const r = await runWithStdoutClosedAfterFirstChunk(json);
    expect(r.stderr).not.toMatch(/EPIPE|Error:|\n +at /);
    expect(r.code).toBe(4);
  });
});
