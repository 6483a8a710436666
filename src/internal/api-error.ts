// Builds a LiveApiError from a non-2xx response and the body openapi-fetch already parsed.
// Every server-provided string goes through serverText: redacted, stripped, then cut.
import { LiveApiError, type OperationId } from '../errors.js';
import { attemptsOf } from './attempts.js';
import { requestIdOf } from './request-id.js';
import { errorFieldsOf } from './error-fields.js';
import { serverText } from './server-text.js';

const KEEP_FIELD = 512;
const KEEP_BODY = 2048;

export function apiErrorFrom(
  response: Response,
  parsed: unknown,
  operation: OperationId | undefined,
  secrets: readonly string[],
): LiveApiError {
  const text = (typeof parsed === 'string' ? parsed : parsed === undefined ? '' : JSON.stringify(parsed)) ?? '';
  // From the JSON object, or from the part that was read of a body cut at the read limit.
  const fields = errorFieldsOf(parsed);
  const field = (value: string | undefined, max: number) =>
    value === undefined ? undefined : serverText(value, secrets, max);
  const errorDetail = field(fields.errorDetail, KEEP_FIELD);
  return new LiveApiError({
    status: response.status,
    errorCode: field(fields.errorCode, 128),
    errorMsg: field(fields.errorMsg, KEEP_FIELD),
    ...(errorDetail === undefined ? {} : { errorDetail }),
    requestId: requestIdOf(response.headers, secrets),
    operation,
    attempts: attemptsOf(response),
    body: serverText(text, secrets, KEEP_BODY),
  });
}
