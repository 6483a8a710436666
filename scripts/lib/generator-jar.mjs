// Where the openapi-generator jar lives, as the npm wrapper computes it from openapitools.json.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function generatorJar(root) {
  const config = JSON.parse(readFileSync(join(root, 'openapitools.json'), 'utf8'))['generator-cli'];
  const dir = resolve(root, config.storageDir);
  return { version: config.version, dir, path: join(dir, `${config.version}.jar`) };
}

/** Exits with one line that says what to do when the jar is not there (no path, no stack). */
export function requireGeneratorJar(root) {
  const jar = generatorJar(root);
  if (!existsSync(jar.path)) {
    console.error(`The openapi-generator ${jar.version} jar is missing: run \`npm run setup\` once, then try again.`);
    process.exit(1);
  }
  return jar;
}
