// The CLI run in this process (runCli with its io injected), as users run it, with only the
// environment a test gives it: fast, and what the command reads and parses can be observed.
import { runCli } from '../../src/cli/run.js';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(args: string[], env: Record<string, string> = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    // No metadata service and no credentials file unless a test gives them.
    env: { LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off', HOME: '/nonexistent-home-for-tests', ...env },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}
