// The CLI run in this process (runCli with its io injected), as users run it, with only the
// environment a test gives it: fast (no process to start), and what the command reads, parses and
// writes can be observed as it happens. The built binary is spawned only by test/package/.
import { runCli } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the CLI runs of this test process keep their rollback state. */
export const TEST_STATE_HOME = mkdtempSync(join(tmpdir(), 'lhc-test-state-'));

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  /** Sees each write to stdout as it is made (streaming output). */
  onStdout?: (text: string) => void;
  /** The rest of the io: a terminal, a confirm prompt, an interrupt signal. */
  io?: Partial<Omit<CliIo, 'env' | 'stdout' | 'stderr'>>;
}

export async function runInProcess(
  args: string[],
  env: Record<string, string> = {},
  options: InProcessOptions = {},
): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    // No metadata service and no credentials file unless a test gives them.
    env: {
      LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
      // Unpaced unless a test asks (the pacing tests do).
      LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE: '0',
      HOME: '/nonexistent-home-for-tests',
      // Writes save the previous setting (rollback): into this process's own directory, never the machine's.
      XDG_STATE_HOME: TEST_STATE_HOME,
      ...env,
    },
    stdout: (t) => {
      stdout += t;
      options.onStdout?.(t);
    },
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    ...options.io,
  });
  return { code, stdout, stderr };
}
