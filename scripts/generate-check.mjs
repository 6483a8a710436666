// Fails when generated/ differs from what the spec generates now: regenerates in a temporary
// copy of the inputs and compares every generated file, both ways.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generatorJar, requireGeneratorJar } from './lib/generator-jar.mjs';
import { run } from './lib/run.mjs';
import { SENSITIVE_OUTPUT } from './lib/sensitive.mjs';
import { CLIENT_METHODS, OPERATIONS_TABLE, specDocuments } from './lib/spec-documents.mjs';

const root = process.cwd();
// Everything generate.mjs writes: each document's types and validators, and the clients.
const outputs = [
  ...specDocuments(root).flatMap((d) => [d.types, d.validators]),
  'generated/validators',
  OPERATIONS_TABLE,
  CLIENT_METHODS,
  SENSITIVE_OUTPUT,
  'generated/typescript-fetch',
];

function listFiles(base, path) {
  const full = join(base, path);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true, recursive: true });
  } catch (error) {
    if (error.code === 'ENOTDIR') return [path];
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  return entries.filter((e) => e.isFile()).map((e) => relative(base, join(e.parentPath, e.name)));
}

requireGeneratorJar(root);
const work = mkdtempSync(join(tmpdir(), 'live-gen-check-'));
try {
  for (const input of ['spec', 'openapitools.json', 'redocly.yaml']) {
    cpSync(join(root, input), join(work, input), { recursive: true });
  }
  const jar = generatorJar(root);
  symlinkSync(jar.dir, generatorJar(work).dir);
  await run(process.execPath, [join(root, 'scripts/generate.mjs')], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const committed = new Set(outputs.flatMap((o) => listFiles(root, o)));
  const fresh = new Set(outputs.flatMap((o) => listFiles(work, o)));
  const problems = [];
  for (const file of fresh) {
    if (!committed.has(file)) problems.push(`missing from the repository: ${file}`);
    else if (!readFileSync(join(root, file)).equals(readFileSync(join(work, file)))) problems.push(`differs: ${file}`);
  }
  for (const file of committed) if (!fresh.has(file)) problems.push(`no longer generated: ${file}`);

  if (problems.length) {
    console.error(`generated/ is out of date with the spec (${problems.length} files):`);
    for (const p of problems) console.error(`  ${p}`);
    console.error('Run `npm run generate` and commit the result; never edit generated files by hand.');
    process.exitCode = 1;
  } else {
    console.log(`generated/ matches the spec (${fresh.size} files compared)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
