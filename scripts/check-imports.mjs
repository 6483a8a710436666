// The import rules of src/ (issue 17: "no two folders of src/ import each other and no file-level
// cycle, dynamic imports included"). Every relative module a file names counts: static imports and
// re-exports, `import('...')`, and a string constant naming a relative `.js` module (how
// transport/proxy-sender.ts keeps a dynamic import out of browser bundles). Type-only imports
// count too: a type shared both ways belongs with its owner. Fails with each cycle and folder pair.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name));
const known = new Set(files);
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|=\s*)['"](\.{1,2}\/[^'"]+\.js)['"]/g;

const edges = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets = new Set();
  for (const [, spec] of text.matchAll(SPECIFIER)) {
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
    if (known.has(target)) targets.add(target);
  }
  edges.set(file, targets);
}

const problems = [];
const name = (f) => relative(root, f);
// Folder pairs: a file directly in src/ is not a folder.
const folderOf = (f) => {
  const parts = relative(src, f).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
};
const folderEdges = new Map();
for (const [from, targets] of edges) {
  for (const to of targets) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (!a || !b || a === b) continue;
    const key = `${a}->${b}`;
    if (!folderEdges.has(key)) folderEdges.set(key, `${name(from)} -> ${name(to)}`);
  }
}
for (const [key, example] of folderEdges) {
  const [a, b] = key.split('->');
  if (a < b && folderEdges.has(`${b}->${a}`)) {
    problems.push(`folders ${a} and ${b} import each other: ${example}; ${folderEdges.get(`${b}->${a}`)}`);
  }
}

// File cycles: Tarjan's strongly connected components.
let index = 0;
const stack = [];
const info = new Map();
function connect(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)) {
    if (!info.has(w)) {
      connect(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges.get(v).has(v))
      problems.push(`import cycle: ${component.map(name).sort().join(', ')}`);
  }
}
for (const file of files) if (!info.has(file)) connect(file);

if (problems.length) {
  console.error(`src/ import rules (${problems.length} problems):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exitCode = 1;
} else {
  console.log(`src/ imports: no cycle, no two folders import each other (${files.length} files)`);
}
