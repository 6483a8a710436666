// The spec as data, for tests that compare code with it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPEC_PATH } from '../../scripts/lib/prism.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const spec: any = parse(readFileSync(SPEC_PATH, 'utf8'));

/** The documented statuses of an operation, e.g. ['200', '400', '401', '404', '500']. */
export function documentedStatuses(method: 'put' | 'get' | 'delete'): number[] {
  return Object.keys(spec.paths['/v1/{project_id}/guard/https-cert'][method].responses).map(Number);
}
