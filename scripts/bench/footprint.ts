// 4. Footprint: runtime packages each package pulls in (count, transitively) and the installed
// size of the package plus those, read from node_modules; the browser bundle of our client entry
// (esbuild, minified, gzip).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));

function folderSize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += folderSize(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** Resolves a dependency as Node would: the nearest node_modules up from the requiring package. */
function resolvePackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === dirname(dir)) return undefined;
  }
}

/** Every package a package needs at run time, transitively (itself excluded). */
function runtimeClosure(dependencies: Record<string, string>, from: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = Object.keys(dependencies).map((name) => ({ name, from }));
  while (queue.length) {
    const { name, from: base } = queue.shift()!;
    const dir = resolvePackage(name, base);
    if (!dir || seen.has(dir)) continue;
    seen.set(dir, name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir });
  }
  return seen;
}

export interface FootprintRow {
  name: string;
  runtimePackages: number;
  installedBytes: number;
}

export async function footprint(): Promise<{
  rows: FootprintRow[];
  bundle: { minifiedBytes: number; gzipBytes: number };
}> {
  const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const oursClosure = runtimeClosure(ours.dependencies ?? {}, root);
  const officialDir = resolvePackage('@huaweicloud/huaweicloud-sdk-core', root)!;
  const officialClosure = runtimeClosure(
    JSON.parse(readFileSync(join(officialDir, 'package.json'), 'utf8')).dependencies,
    officialDir,
  );
  const size = (closure: Map<string, string>) => [...closure.keys()].reduce((sum, dir) => sum + folderSize(dir), 0);
  // Each package itself: what npm installs of ours (its "files"), the official core's folder.
  const oursItself = (ours.files as string[]).reduce(
    (sum, f) => {
      const path = join(root, f);
      return sum + (statSync(path).isDirectory() ? folderSize(path) : statSync(path).size);
    },
    statSync(join(root, 'package.json')).size,
  );

  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    rows: [
      {
        name: 'ours (live-https-cert)',
        runtimePackages: oursClosure.size,
        installedBytes: oursItself + size(oursClosure),
      },
      {
        name: 'official (@huaweicloud/huaweicloud-sdk-core)',
        runtimePackages: officialClosure.size,
        installedBytes: folderSize(officialDir) + size(officialClosure),
      },
    ],
    bundle: { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code).byteLength },
  };
}
