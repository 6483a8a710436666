// The client entry bundles for a browser: nothing in its import graph needs Node.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('src/index.ts import graph', () => {
  it('bundles for the browser platform with no node: import and no Node global', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
    const inputs = Object.keys(result.metafile.inputs);
    // openapi-fetch guards its own `typeof process` probe; our modules must not touch Node globals.
    for (const input of inputs.filter((i) => !i.includes('node_modules'))) {
      expect(readFileSync(input, 'utf8'), input).not.toMatch(/\b(process|Buffer|__dirname|require)\b[.(]/);
    }
    expect(inputs.some((i) => i.includes('openapi-fetch'))).toBe(true);
    expect(
      inputs.filter((i) => i.includes('node_modules') && !/openapi-fetch|openapi-typescript-helpers/.test(i)),
    ).toEqual([]);
  });
});
