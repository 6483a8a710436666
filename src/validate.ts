// Requests are checked before anything is sent, by the validators `npm run generate` writes from
// the spec (generated/validators/live.ts): every rule and limit lives in spec/live-https-cert.yaml.
// No rule is kept by hand here.
import { type ClientOperationId, clientOperations } from '../generated/operations.js';
import type { Validator } from '../generated/validators/live.js';
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

/** Problems with one part of a request of an operation, empty when the spec accepts it. */
export function requestProblems(
  operation: LiveOperation,
  part: 'path' | 'query' | 'header' | 'body',
  value: unknown,
): ValidationProblem[] {
  const spec = clientOperations[operation].validators;
  // Not every operation has every part (a CCM list has no path parameter).
  const validate = (spec.request as Partial<Record<typeof part, Validator>>)[part];
  if (!validate) return [];
  if (part === 'body' && value === undefined) {
    return spec.bodyRequired ? [{ field: 'body', message: 'is required', rule: 'required' }] : [];
  }
  if (validate(value)) return [];
  return problemsFrom(validate.errors, value, part === 'body' ? '' : '').map((p) =>
    p.field === 'value' ? { ...p, field: part } : p,
  );
}

/** Throws a ValidationError naming every problem of the request; nothing has been sent. */
export function assertValidRequest(operation: LiveOperation, parts: RequestParts): void {
  const problems = [
    ...requestProblems(operation, 'path', parts.path ?? {}),
    ...requestProblems(operation, 'query', parts.query ?? {}),
    ...(parts.header ? requestProblems(operation, 'header', parts.header) : []),
    ...((clientOperations[operation].validators.request as { body?: unknown }).body
      ? requestProblems(operation, 'body', parts.body)
      : []),
  ];
  if (problems.length) throw new ValidationError(problems);
}

/** Problems with a domain name (the `domain` query parameter), empty when the spec accepts it. */
export function domainProblems(domain: unknown): ValidationProblem[] {
  return requestProblems('ShowDomainHttpsCert', 'query', { domain });
}

/** Problems with a project ID (the `project_id` path parameter), empty when the spec accepts it. */
export function projectIdProblems(projectId: unknown): ValidationProblem[] {
  return requestProblems('ShowDomainHttpsCert', 'path', { project_id: projectId });
}

/** Problems with an update body, empty when the spec accepts it. */
export function updateBodyProblems(body: unknown): ValidationProblem[] {
  return requestProblems('UpdateDomainHttpsCert', 'body', body);
}
