// Builds a LiveApiError from a non-2xx response and the body openapi-fetch already parsed.
// Every server-provided string goes through serverText: redacted, stripped, then cut.
import { LiveApiError, type OperationId } from '../errors.js';
import { attemptsOf } from './attempts.js';
import { requestIdOf } from './request-id.js';
import { serverText } from './server-text.js';

const KEEP_FIELD = 512;
const KEEP_BODY = 2048;

export function apiErrorFrom(
  response: Response,
  parsed: unknown,
  operation: OperationId | undefined,
  secrets: readonly string[],
): LiveApiError {
  const object = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  const text = (typeof parsed === 'string' ? parsed : parsed === undefined ? '' : JSON.stringify(parsed)) ?? '';
  const field = (name: string, max: number) => {
    const value = object?.[name];
    return typeof value === 'string' ? serverText(value, secrets, max) : undefined;
  };
  return new LiveApiError({
    status: response.status,
    errorCode: field('error_code', 128),
    errorMsg: field('error_msg', KEEP_FIELD),
    requestId: requestIdOf(response.headers, secrets),
    operation,
    attempts: attemptsOf(response),
    body: serverText(text, secrets, KEEP_BODY),
  });
}
