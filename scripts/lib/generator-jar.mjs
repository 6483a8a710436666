// Where the openapi-generator jar lives, as the npm wrapper computes it from openapitools.json.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function generatorJar(root) {
  const config = JSON.parse(readFileSync(join(root, 'openapitools.json'), 'utf8'))['generator-cli'];
  const dir = resolve(root, config.storageDir);
  return { version: config.version, dir, path: join(dir, `${config.version}.jar`) };
}
