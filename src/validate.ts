// Requests are checked before anything is sent, by the validators `npm run generate` writes from
// the spec (generated/validators/<api>/<operationId>.ts): every rule and limit lives in the spec.
// No rule is kept by hand here. An operation's validators are loaded on its first call, so a
// program carries (and a process parses) only those of the operations it calls.
import { type ClientOperationId, clientOperations } from '../generated/operations.js';
import { parameters } from '../generated/validators/live/parameters.js';
import type { OperationValidators, Validator } from '../generated/validators/validator.js';
import { ValidationError, type ValidationProblem } from './errors.js';
import { problemsFrom } from './internal/schema-problems.js';

/** A client operation (a row of generated/operations.ts). */
export type LiveOperation = ClientOperationId;

export interface RequestParts {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

type Part = 'path' | 'query' | 'header' | 'body';

const loaded = new Map<ClientOperationId, Promise<OperationValidators>>();

/** The validators of an operation, loaded once per process; a failed load is tried again next time. */
export function validatorsOf(operation: LiveOperation): Promise<OperationValidators> {
  let pending = loaded.get(operation);
  if (!pending) {
    pending = clientOperations[operation].loadValidators();
    loaded.set(operation, pending);
    pending.catch(() => loaded.delete(operation));
  }
  return pending;
}

function problemsOf(validate: Validator | undefined, part: Part, value: unknown): ValidationProblem[] {
  if (!validate || validate(value)) return [];
  return problemsFrom(validate.errors, value, '').map((p) => (p.field === 'value' ? { ...p, field: part } : p));
}

/** Problems with one part of a request, by the operation's loaded validators; empty when the spec accepts it. */
export function partProblems(validators: OperationValidators, part: Part, value: unknown): ValidationProblem[] {
  const validate = validators.request[part];
  if (part === 'body' && validate && value === undefined) {
    return validators.bodyRequired ? [{ field: 'body', message: 'is required', rule: 'required' }] : [];
  }
  return problemsOf(validate, part, value);
}

/** Problems with one part of a request of an operation (its validators loaded first), empty when the spec accepts it. */
export async function requestProblems(
  operation: LiveOperation,
  part: Part,
  value: unknown,
): Promise<ValidationProblem[]> {
  return partProblems(await validatorsOf(operation), part, value);
}

/** Throws a ValidationError naming every problem of the request; nothing has been sent. */
export function assertValidRequest(validators: OperationValidators, parts: RequestParts): void {
  const problems = [
    ...partProblems(validators, 'path', parts.path ?? {}),
    ...partProblems(validators, 'query', parts.query ?? {}),
    ...(parts.header ? partProblems(validators, 'header', parts.header) : []),
    ...partProblems(validators, 'body', parts.body),
  ];
  if (problems.length) throw new ValidationError(problems);
}

/** Problems with a domain name (the spec's shared `domain` query parameter), empty when the spec accepts it. */
export function domainProblems(domain: unknown): ValidationProblem[] {
  return problemsOf(parameters.Domain, 'query', { domain });
}

/** Problems with a project ID (the spec's shared `project_id` path parameter), empty when the spec accepts it. */
export function projectIdProblems(projectId: unknown): ValidationProblem[] {
  return problemsOf(parameters.ProjectId, 'path', { project_id: projectId });
}
