// Spawns the built CLI as a user would, with only the environment a test gives it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the CLI runs of this test process keep their rollback state. */
export const TEST_STATE_HOME = mkdtempSync(join(tmpdir(), 'lhc-test-state-'));

export const CLI = fileURLToPath(new URL('../../dist/esm/src/cli/main.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      // The metadata service is off and HOME has no credentials file unless a test gives them: tests stay
      // on loopback and never read the machine's own ~/.huaweicloud/credentials.
      env: {
        PATH: process.env['PATH'] ?? '',
        LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
        // Unpaced unless a test asks (the pacing tests do).
        LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE: '0',
        HOME: '/nonexistent-home-for-tests',
        // Writes save the previous setting (rollback): into this process's own directory, never the machine's.
        XDG_STATE_HOME: TEST_STATE_HOME,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
