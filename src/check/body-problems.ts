// The update body checked against the spec synchronously, for the pre-flight checks: this entry
// (Node) loads the UpdateDomainHttpsCert validators up front; the client entry loads them on the
// first update call instead, so a browser bundle that never updates does not carry them.
import { validators } from '../../generated/validators/live/UpdateDomainHttpsCert.js';
import type { ValidationProblem } from '../errors.js';
import { partProblems } from '../validate-request.js';

/** Problems with an update body (UpdateDomainHttpsCert's), empty when the spec accepts it. */
export function updateBodyProblems(body: unknown): ValidationProblem[] {
  return partProblems(validators, 'body', body);
}
