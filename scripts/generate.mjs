// Regenerates everything under generated/ from the spec: openapi-typescript types, then the
// openapi-generator typescript-fetch client. Run with the project root (or a copy of it) as cwd.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorJar } from './lib/generator-jar.mjs';
import { run } from './lib/run.mjs';

const root = process.cwd();
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

const jar = generatorJar(root);
if (!existsSync(jar.path)) {
  console.error(`The openapi-generator jar is missing (${jar.path}). Run: npm run setup`);
  process.exit(1);
}

// openapi-typescript reads its input and output from redocly.yaml.
// Fields with a default stay optional: the server fills them in, callers may leave them out.
await run(bin('openapi-typescript'), ['--default-non-nullable=false'], { cwd: root });

// Removing the old output first makes files dropped from the spec disappear too.
rmSync(join(root, 'generated/typescript-fetch'), { recursive: true, force: true });
// The wrapper resolves openapitools.json and its paths from $PWD, not from process.cwd().
await run(bin('openapi-generator-cli'), ['generate'], {
  cwd: root,
  env: { ...process.env, PWD: root },
  stdio: ['ignore', 'ignore', 'inherit'],
});
console.log('generated/ is up to date with the spec');
