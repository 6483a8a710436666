// `npm run contract`: first the drift check (a stale generated/ fails here with what to do), then
// the contract suites against Prism mocking the spec.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const drift = spawnSync(process.execPath, [fileURLToPath(new URL('./generate-check.mjs', import.meta.url))], {
  cwd: root,
  stdio: 'inherit',
});
if (drift.status !== 0) {
  console.error(
    'contract: generated/ does not match spec/ (see above); run `npm run generate`, commit, and run the contract tests again.',
  );
  process.exit(1);
}
const suites = spawnSync(
  fileURLToPath(new URL('../node_modules/.bin/vitest', import.meta.url)),
  ['run', 'test/contract', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(suites.status ?? 1);
