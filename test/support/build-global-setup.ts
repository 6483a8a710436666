// Builds dist/ once, so the CLI and package tests run what users run (see global-setup.ts).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url))],
      { maxBuffer: 64 * 1024 * 1024 },
      (error) => (error ? reject(error) : resolve()),
    );
    // Its errors are shown as they come, as before.
    child.stderr?.pipe(process.stderr);
  });
}
