// The spec lint can fail: a copy of the spec with a broken example or a missing 4xx is refused.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'live-lint-'));
  cpSync(join(root, 'spec'), join(work, 'spec'), { recursive: true });
  cpSync(join(root, 'redocly.yaml'), join(work, 'redocly.yaml'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lintWith(edit: (spec: string) => string) {
  const path = join(work, 'spec/live-https-cert.yaml');
  writeFileSync(path, edit(readFileSync(join(root, 'spec/live-https-cert.yaml'), 'utf8')));
  return spawnSync(join(root, 'node_modules/.bin/redocly'), ['lint', '--format=stylish'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
}

describe('redocly lint of the spec', () => {
  it('passes on the committed spec', () => {
    expect(lintWith((s) => s).status).toBe(0);
  });

  it('fails when an example breaks its schema (an enum)', () => {
    const result = lintWith((s) =>
      s.replace(
        'certificate_format: PEM\n                  certificate: your cert',
        'certificate_format: DER\n                  certificate: your cert',
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('no-invalid-media-type-examples');
  });

  it('fails when an operation documents no 4xx response', () => {
    const result = lintWith((s) =>
      s.replace(/ {4}delete:[\s\S]*?components:/, (block) =>
        block.replace(/ {8}'4\d\d':\n {10}\$ref: '#\/components\/responses\/\w+'\n/g, ''),
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('operation-4xx-response');
  });
});
