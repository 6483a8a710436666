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
    // "(disabled):" marks a file package.json's "browser" field leaves out (the Node sender): not bundled.
    expect(inputs).toContain('(disabled):src/transport/node-default-sender.js');
    for (const input of inputs.filter((i) => !i.includes('node_modules') && !i.startsWith('(disabled):'))) {
      expect(readFileSync(input, 'utf8'), input).not.toMatch(/\b(process|Buffer|__dirname|require)\b[.(]/);
    }
    expect(inputs.some((i) => i.includes('openapi-fetch'))).toBe(true);
    expect(
      inputs.filter((i) => i.includes('node_modules') && !/openapi-fetch|openapi-typescript-helpers/.test(i)),
    ).toEqual([]);
  });
});

// What a page loads at start (the entry and the chunks it imports statically, as a bundler splits
// it) must not hold what is loaded lazily (issue 17.7: browser entry <= 12 kB gzip, measured by
// `npm run bench -- --footprint`). A static import of any of these from the entry's graph fails here.
describe('src/index.ts start graph (code splitting)', () => {
  const LAZY = [
    'node_modules/openapi-fetch/',
    'src/client-calls.ts',
    'src/validate-request.ts',
    'src/internal/parse.ts',
    'src/internal/schema-problems.ts',
    'src/transport/transport-loop.ts',
    'src/transport/sender.ts',
    'src/transport/read-body.ts',
    'src/transport/attempt-failure.ts',
    'src/transport/failure.ts',
    'src/transport/refusal.ts',
    'src/transport/http2-only.ts',
    'src/transport/retry-policy.ts',
    'src/auth/signature.ts',
    'src/auth/canonical.ts',
    'src/log/call-log.ts',
    'src/log/sanitise.ts',
    'src/credentials/project-id.ts',
    'src/credentials/domain-id.ts',
    // Server text (redaction, control characters): only what came back from a server needs it.
    'src/internal/server-text.ts',
    'src/internal/redact.ts',
    'generated/validators/iam-projects/',
    // The operations table and the validators' loaders it names: the client has the method names.
    'generated/operations.ts',
    'generated/validators/live.ts',
    'generated/validators/ccm.ts',
    'generated/validators/live/ShowDomainHttpsCert.ts',
  ];
  // Start modules no lazily loaded module may import: one that did would move them out of the
  // entry's own file into a chunk shared with it, one more file at start (splitting costs
  // compression; docs/performance.md). What a lazy module needs of them is handed over instead.
  const ENTRY_ONLY = [
    'src/client.ts',
    'src/credentials/check.ts',
    'src/validate.ts',
    'generated/client-methods.ts',
    'generated/validators/live/parameters.ts',
  ];
  // Node only: left out of browser bundles altogether by package.json's "browser" field.
  const NODE_ONLY = [
    'src/transport/node-default-sender.ts',
    'src/transport/proxy-sender.ts',
    'src/transport/proxy-choice.ts',
    'src/transport/node-sender.ts',
  ];

  it('holds none of the lazily loaded modules, which are still in the bundle behind import()', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
      bundle: true,
      splitting: true,
      platform: 'browser',
      format: 'esm',
      outdir: fileURLToPath(new URL('../../bench-results/browser-safe', import.meta.url)),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === 'src/index.ts')!;
    const start = new Set<string>();
    const queue = [entry];
    while (queue.length) {
      const file = queue.pop()!;
      if (start.has(file)) continue;
      start.add(file);
      for (const i of outputs[file]!.imports) if (i.kind === 'import-statement') queue.push(i.path);
    }
    const inputsOf = (files: Iterable<string>) => [...files].flatMap((f) => Object.keys(outputs[f]!.inputs));
    const atStart = inputsOf(start);
    const everywhere = inputsOf(Object.keys(outputs));
    for (const lazy of LAZY) {
      expect(
        atStart.filter((i) => i.includes(lazy)),
        `${lazy} is loaded at start`,
      ).toEqual([]);
      expect(
        everywhere.some((i) => i.includes(lazy)),
        `${lazy} is not in the bundle at all`,
      ).toBe(true);
    }
    for (const nodeOnly of NODE_ONLY) expect(everywhere.filter((i) => i.includes(nodeOnly))).toEqual([]);
    // The start graph still holds the client itself, and these in the entry's own file.
    expect(atStart).toContain('src/client.ts');
    for (const own of ENTRY_ONLY)
      expect(Object.keys(outputs[entry]!.inputs), `${own} left the entry's file`).toContain(own);
  });
});
