// Builds a LiveApiError from a non-2xx response and the body openapi-fetch already parsed.
import { LiveApiError, type OperationId } from '../errors.js';
import { attemptsOf } from '../transport/live-transport.js';
import { redact } from './redact.js';

const KEEP_BODY = 2048;

export function apiErrorFrom(
  response: Response,
  parsed: unknown,
  operation: OperationId | undefined,
  secrets: readonly string[],
): LiveApiError {
  const object = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  const text = (typeof parsed === 'string' ? parsed : parsed === undefined ? '' : JSON.stringify(parsed)) ?? '';
  const field = (name: string) => {
    const value = object?.[name];
    return typeof value === 'string' ? redact(value.slice(0, KEEP_BODY), secrets) : undefined;
  };
  return new LiveApiError({
    status: response.status,
    errorCode: field('error_code'),
    errorMsg: field('error_msg'),
    requestId: response.headers.get('x-request-id') ?? undefined,
    operation,
    attempts: attemptsOf(response),
    body: redact(text.slice(0, KEEP_BODY), secrets),
  });
}
