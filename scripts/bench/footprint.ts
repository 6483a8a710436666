// 4. Footprint: runtime packages each package pulls in (count, transitively) and the installed
// size of the package plus those, read from node_modules; the browser bundle of our client entry
// (esbuild, minified, code splitting, gzip, each file on its own as a server sends it): what a page
// loads at start (the entry and the chunks it imports statically) and which modules that holds;
// apart from it the chunks loaded on demand (the call path, each operation's validators, the IAM
// lookup, failure wording, call logs), and what a page that calls one operation loads in all.
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

export interface BrowserBundle {
  /** What loads at start: the entry and every chunk it imports statically. */
  minifiedBytes: number;
  gzipBytes: number;
  /** Every chunk loaded on demand (import()), together, gzip. */
  lazyGzipBytes: number;
  lazyChunks: number;
  /** A page that creates a client and calls showDomainHttpsCert (AK/SK, fetch): start plus what that call loads, gzip. */
  oneOperationGzipBytes: number;
  /** Files loaded at start. */
  startFiles: number;
  /** What loads at start, by source module, largest first: minified bytes in the output. */
  atStart: { module: string; bytes: number }[];
}

type Outputs = Record<string, { imports: { path: string; kind: string }[] }>;

/** The outputs a file loads, transitively: static imports only, or dynamic ones too. */
function closure(outputs: Outputs, from: string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' || (dynamic && i.kind === 'dynamic-import')) queue.push(i.path);
  }
  return seen;
}

/** The browser bundle of the client entry, split as a bundler splits it, read at its dynamic imports. */
async function browserBundle(): Promise<BrowserBundle> {
  const outdir = join(root, 'bench-results/bundle');
  // The entry alone: a second entry (a program) would add a file of re-exports a real page does not
  // have. The program a page runs (scripts/bench/one-operation.ts) only creates a client and calls.
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    minify: true,
    splitting: true,
    platform: 'browser',
    format: 'esm',
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs as Outputs;
  const bytes = new Map(result.outputFiles.map((f) => [f.path.slice(root.length), f.contents]));
  const entryOf = (source: string) => {
    const found = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === source)?.[0];
    if (!found) throw new Error(`${source} is not a chunk of its own: the footprint figures would be wrong`);
    return found;
  };
  const gzip = (files: Iterable<string>) =>
    [...files].reduce((sum, f) => sum + gzipSync(bytes.get(f.replace(/^\//, '')) ?? bytes.get(f)!).byteLength, 0);
  const start = closure(outputs, [entryOf('src/index.ts')], false);
  const everything = closure(outputs, [entryOf('src/index.ts')], true);
  const lazy = [...everything].filter((f) => !start.has(f));
  // A page that creates a client with AK/SK and calls showDomainHttpsCert (scripts/bench/one-operation.ts):
  // what loads at start plus what its first call loads (the calls, the transport's loop, the fetch
  // sender, the signature and that operation's validators), each with what it imports. Failure
  // wording, call logs and the IAM lookup are not loaded by a call that succeeds with a given project id.
  const called = new Set(start);
  const firstCall = [
    'src/client-calls.ts',
    'src/transport/transport-loop.ts',
    'src/transport/sender.ts',
    'src/auth/signature.ts',
    'generated/validators/live/ShowDomainHttpsCert.ts',
  ];
  for (const source of firstCall) for (const f of closure(outputs, [entryOf(source)], false)) called.add(f);
  const modules = new Map<string, number>();
  for (const f of start)
    for (const [input, { bytesInOutput }] of Object.entries(result.metafile.outputs[f]?.inputs ?? {}))
      modules.set(input, (modules.get(input) ?? 0) + bytesInOutput);
  return {
    startFiles: start.size,
    atStart: [...modules]
      .filter(([, bytes]) => bytes > 0)
      .map(([module, bytes]) => ({ module, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    minifiedBytes: [...start].reduce(
      (sum, f) => sum + (bytes.get(f) ?? bytes.get(f.replace(/^\//, ''))!).byteLength,
      0,
    ),
    gzipBytes: gzip(start),
    lazyGzipBytes: gzip(lazy),
    lazyChunks: lazy.length,
    oneOperationGzipBytes: gzip(called),
  };
}

export async function footprint(): Promise<{
  rows: FootprintRow[];
  bundle: BrowserBundle;
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
    bundle: await browserBundle(),
  };
}
