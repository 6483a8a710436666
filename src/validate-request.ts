// The check of a whole request by its operation's validators (generated/validators/<api>/<operationId>.ts),
// loaded with the first call of that operation. Every rule and limit lives in the spec; no rule is
// kept by hand here. Apart from validate.ts, whose synchronous checks a program loads at start.
import { type ClientOperationId, clientOperations } from '../generated/operations.js';
import type { OperationValidators, Validator } from '../generated/validators/validator.js';
import { ValidationError, type ValidationProblem } from './errors.js';
import { problemsFrom } from './internal/schema-problems.js';

/** The parts of a request, as the client hands them to the validators. */
export interface RequestParts {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

export type Part = 'path' | 'query' | 'header' | 'body';

const loaded = new Map<ClientOperationId, Promise<OperationValidators>>();

/**
 * The validators of an operation (named by its row of generated/operations.ts), loaded once per
 * process; a failed load is tried again next time.
 */
export function validatorsOf(operation: ClientOperationId): Promise<OperationValidators> {
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
  operation: ClientOperationId,
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
