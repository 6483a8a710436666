// The lint: the spec (Redocly recommended rules with example validation, and openapi-generator's
// own validator), the TypeScript type check of everything (generated code included), ESLint, the
// import rules of src/ (scripts/check-imports.mjs), and the formatter's check.
import { fileURLToPath } from 'node:url';
import { requireGeneratorJar } from './lib/generator-jar.mjs';
import { run } from './lib/run.mjs';
import { specDocuments } from './lib/spec-documents.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
// The generator wrapper finds openapitools.json (and the jar) through $PWD.
const options = {
  cwd: root,
  env: { ...process.env, PWD: root, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
};

// Without the jar the generator's wrapper would try to download it by itself: refuse instead.
requireGeneratorJar(root);
await run(bin('redocly'), ['lint', '--format=stylish'], options);
for (const doc of specDocuments(root)) await run(bin('openapi-generator-cli'), ['validate', '-i', doc.root], options);
await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], options);
await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.generated.json'], options);
await run(bin('eslint'), ['.'], options);
// No file-level import cycle in src/ (dynamic imports included) and no two folders importing each other.
await run(process.execPath, [fileURLToPath(new URL('./check-imports.mjs', import.meta.url))], options);
// Formatting (Biome: one pinned native binary, the whole tree in well under a second; `npx biome format --write .` fixes).
await run(bin('biome'), ['format', '.'], options);
console.log('lint: spec, types and code are clean');
