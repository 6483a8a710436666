// Without the openapi-generator jar, generate, generate:check and lint each say in one line to
// run `npm run setup`: no temporary path, no stack trace, and no download of the jar by another way.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'live-nojar-'));
  for (const entry of ['spec', 'scripts', 'redocly.yaml', 'openapitools.json', 'package.json'])
    cpSync(join(root, entry), join(work, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  // A storage folder that does not exist: the jar is missing.
  const config = JSON.parse(readFileSync(join(work, 'openapitools.json'), 'utf8'));
  config['generator-cli'].storageDir = '.no-jar-here';
  writeFileSync(join(work, 'openapitools.json'), JSON.stringify(config));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the missing generator jar', () => {
  it.each(['generate.mjs', 'generate-check.mjs', 'lint.mjs'])(
    '%s: one line that says npm run setup, exit 1, nothing fetched',
    (script) => {
      const result = spawnSync(process.execPath, [join(work, 'scripts', script)], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, PWD: work },
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringContaining('run `npm run setup`')]);
      expect(result.stderr).not.toContain(tmpdir());
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(work, '.no-jar-here'))).toBe(false);
    },
  );
});
