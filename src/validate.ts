// Requests are checked before anything is sent, by the validators `npm run generate` writes from
// the spec: every rule and limit lives in the spec, no rule is kept by hand. Here the synchronous
// checks of the shared parameters a program may need before any call (the project id when a
// client is made, a domain name); a whole request is checked by validate-request.ts, loaded with
// the first call together with that operation's validators.
import type { ClientOperationId } from '../generated/operations.js';
// By name: a bundle carries these two shared-parameter validators and not the other five.
import { Domain, ProjectId } from '../generated/validators/live/parameters.js';
import type { Validator } from '../generated/validators/validator.js';
import type { ValidationProblem } from './errors.js';
import { leafProblems } from './internal/schema-words.js';
import type { Part, RequestParts } from './validate-request.js';

/** A client operation (a row of generated/operations.ts). */
export type LiveOperation = ClientOperationId;
export type { RequestParts };

function problemsOf(validate: Validator, part: Part, value: unknown): ValidationProblem[] {
  if (validate(value)) return [];
  return leafProblems(validate.errors, value, '').map((p) => (p.field === 'value' ? { ...p, field: part } : p));
}

/** Problems with one part of a request of an operation (its validators loaded first), empty when the spec accepts it. */
export async function requestProblems(
  operation: LiveOperation,
  part: Part,
  value: unknown,
): Promise<ValidationProblem[]> {
  return (await import('./validate-request.js')).requestProblems(operation, part, value);
}

/** Problems with a domain name (the spec's shared `domain` query parameter), empty when the spec accepts it. */
export function domainProblems(domain: unknown): ValidationProblem[] {
  return problemsOf(Domain, 'query', { domain });
}

/** Problems with a project ID (the spec's shared `project_id` path parameter), empty when the spec accepts it. */
export function projectIdProblems(projectId: unknown): ValidationProblem[] {
  return problemsOf(ProjectId, 'path', { project_id: projectId });
}
