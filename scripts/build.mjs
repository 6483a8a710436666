// Builds dist/: each source file transpiled (not bundled, so the entries share one copy of every
// module and `instanceof` works across them) to ESM and to CommonJS, with declarations for both.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './lib/run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

function sources(dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

rmSync(dist, { recursive: true, force: true });
const entryPoints = [...sources('src'), ...sources('generated')];
for (const format of ['esm', 'cjs']) {
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: join(dist, format),
    outbase: '.',
    format,
    platform: 'neutral',
    target: 'es2022',
    // In the CommonJS half, import() of our own files (each operation's validators, the IAM lookup)
    // becomes require(): Node's import() of a CommonJS file would hide esbuild's named exports.
    ...(format === 'cjs' ? { supported: { 'dynamic-import': false } } : {}),
    bundle: false,
    sourcemap: true,
    logLevel: 'warning',
  });
}
// The folder marker tells Node (and TypeScript) which module system each half uses.
writeFileSync(join(dist, 'esm/package.json'), '{ "type": "module" }\n');
writeFileSync(join(dist, 'cjs/package.json'), '{ "type": "commonjs" }\n');

await run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root });
// The same declarations serve both halves; beside the CommonJS files they describe CommonJS.
for (const format of ['esm', 'cjs']) cpSync(join(dist, 'types'), join(dist, format), { recursive: true });
rmSync(join(dist, 'types'), { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
console.log(`built ${entryPoints.length} modules to dist/esm and dist/cjs`);
