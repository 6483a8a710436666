// The one parse point for every response: a non-2xx becomes a LiveApiError; a 2xx body is parsed
// and checked by the generated validator of that operation and status, or is a LiveResponseError.
// Nothing the spec does not vouch for reaches the caller.
import type { ClientOperationId as OperationId } from '../../generated/operations.js';
import type { OperationValidators, Validator } from '../../generated/validators/validator.js';
import { LiveResponseError } from '../errors.js';
import { attemptsOf } from './attempts.js';
import { apiErrorFrom } from './api-error.js';
import { isMutating } from './method.js';
import { requestIdOf } from './request-id.js';
import { problemsFrom } from './schema-problems.js';
import { serverText } from './server-text.js';

const EXCERPT = 200;
const REASON = 300;

type Expected = Validator | 'empty' | 'other';

// The spec's entry for this status; an undocumented 2xx is held to the operation's documented one.
function expectedFor(
  validators: OperationValidators,
  status: number,
): { expected: Expected; optional: boolean } | undefined {
  const { responses, optionalBody } = validators;
  const code = String(status) in responses ? String(status) : Object.keys(responses).find((c) => /^2\d\d$/.test(c));
  return code === undefined ? undefined : { expected: responses[code]!, optional: optionalBody.includes(code) };
}

/**
 * The typed result of a call, or the error that says why there is none. `answer` is what
 * openapi-fetch read (with parseAs 'text'): the success body's text as `data`, or an error body
 * as `error`, which openapi-fetch has already parsed as JSON where it could (parsed once, here used as is).
 * `validators` are the operation's, loaded by the call before it was sent.
 */
export function parseResponse<T>(
  operation: OperationId,
  validators: OperationValidators,
  response: Response,
  answer: { data?: unknown; error?: unknown },
  secrets: readonly string[],
): T {
  if (!response.ok) throw apiErrorFrom(response, answer.error === '' ? undefined : answer.error, operation, secrets);
  const text = typeof answer.data === 'string' ? answer.data : '';

  const fail = (reason: string): never => {
    throw new LiveResponseError({
      status: response.status,
      requestId: requestIdOf(response.headers, secrets),
      operation,
      attempts: attemptsOf(response),
      reason: serverText(reason, secrets, REASON),
      excerpt: serverText(text, secrets, EXCERPT),
      mutating: isMutating(validators.method),
    });
  };

  const entry = expectedFor(validators, response.status);
  if (entry === undefined) return fail('the spec documents no successful answer for this operation');
  const { expected } = entry;
  // x-body-optional: the documented body may be absent (update and delete often answer with none).
  if (entry.optional && text.trim() === '') return undefined as T;
  if (expected === 'empty') {
    if (text !== '') fail('the spec documents no body for this answer');
    return undefined as T;
  }
  if (expected === 'other') return text as T;
  if (text.trim() === '') return fail('the body is empty; the spec documents a JSON body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('the body is not JSON');
  }
  let conforms: boolean;
  try {
    conforms = expected(value);
  } catch {
    return fail('the body could not be checked against the spec');
  }
  if (!conforms) {
    const [first, ...more] = problemsFrom(expected.errors, value);
    return fail(
      `${first ? `${first.field} ${first.message}` : 'it does not match the schema'}${more.length ? ` (and ${more.length} more)` : ''}`,
    );
  }
  return value as T;
}
