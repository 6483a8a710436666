// Regenerates everything under generated/ from spec/: for every document listed in redocly.yaml,
// openapi-typescript types and Ajv standalone validators; then the openapi-generator clients of
// openapitools.json. Run with the project root (or a copy of it) as cwd.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireGeneratorJar } from './lib/generator-jar.mjs';
import { run } from './lib/run.mjs';

const root = process.cwd();
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

requireGeneratorJar(root);

// openapi-typescript reads its input and output from redocly.yaml.
// Fields with a default stay optional: the server fills them in, callers may leave them out.
await run(bin('openapi-typescript'), ['--default-non-nullable=false'], { cwd: root });
// Request and response validators of every operation, from the same list of documents.
await run(process.execPath, [fileURLToPath(new URL('./generate-validators.mjs', import.meta.url))], { cwd: root });

// Removing the old output first makes files dropped from the spec disappear too.
rmSync(join(root, 'generated/typescript-fetch'), { recursive: true, force: true });
// The wrapper resolves openapitools.json and its paths from $PWD, not from process.cwd().
await run(bin('openapi-generator-cli'), ['generate'], {
  cwd: root,
  env: { ...process.env, PWD: root },
  stdio: ['ignore', 'ignore', 'inherit'],
});
console.log('generated/ is up to date with the spec');
