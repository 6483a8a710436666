// The spec documents of the project, read from the one place that lists them: the `apis` of
// redocly.yaml. Each entry names its document (`root`), its openapi-typescript output
// (`x-openapi-ts.output`) and its validators module (`x-validators.output`); Redocly lints every
// one of them, openapi-typescript and scripts/generate-validators.mjs generate from every one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The one table of every operation of every document (scripts/lib/operations-table.mjs). */
export const OPERATIONS_TABLE = 'generated/operations.ts';
/** What a client needs when it is made: the services and each operation's method name (operations-table.mjs). */
export const CLIENT_METHODS = 'generated/client-methods.ts';

export function specDocuments(root) {
  const config = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8'));
  return Object.entries(config.apis ?? {}).map(([name, api]) => {
    const types = api['x-openapi-ts']?.output;
    const validators = api['x-validators']?.output;
    if (!api.root || !types || !validators) {
      throw new Error(`redocly.yaml: api "${name}" needs root, x-openapi-ts.output and x-validators.output`);
    }
    return { name, root: api.root, types, validators };
  });
}
