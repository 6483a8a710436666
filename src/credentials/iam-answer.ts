// An IAM answer read once for the lookups signed with the caller's AK/SK (project id, account id):
// the body parsed (or kept as text), the trace id sanitised, and a refusal turned into a
// LiveApiError whose server text is cleaned. IAM's Keystone errors are { error: { code, message } },
// the gateway's { error_code, error_msg }.
import { LiveApiError, type OperationId } from '../errors.js';
import { attemptsOf } from '../internal/attempts.js';
import { serverText } from '../internal/server-text.js';

export interface IamAnswer {
  body: unknown;
  /** `X-IAM-Trace-Id=<id>` (or `none`), for messages. */
  trace: string;
}

export async function readIamAnswer(
  response: Response,
  operation: OperationId,
  secrets: readonly string[],
  /** The refusal's message from the server's own (sanitised) one, when it has one. */
  refusal: (message: string | undefined) => string | undefined = (message) => message,
): Promise<IamAnswer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const traceHeader = response.headers.get('x-iam-trace-id') ?? response.headers.get('x-request-id');
  const traceId = traceHeader === null ? undefined : serverText(traceHeader, secrets, 128);
  const trace = `X-IAM-Trace-Id=${traceId ?? 'none'}`;
  if (response.ok) return { body, trace };
  const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const inner =
    typeof object['error'] === 'object' && object['error'] !== null ? (object['error'] as Record<string, unknown>) : {};
  const pick = (...values: unknown[]) =>
    values.find((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  const code = pick(object['error_code'], inner['code']);
  const message = pick(object['error_msg'], inner['message']);
  throw new LiveApiError({
    status: response.status,
    errorCode: code === undefined ? undefined : serverText(String(code), secrets, 128),
    errorMsg: refusal(message === undefined ? undefined : serverText(String(message), secrets, 512)),
    requestId: traceId,
    operation,
    attempts: attemptsOf(response),
    body: serverText(typeof body === 'string' ? body : (JSON.stringify(body) ?? ''), secrets, 2048),
  });
}
