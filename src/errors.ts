// One error family for the client and the CLI. Every field is safe to log: secrets are removed
// (see internal/redact.ts) before an error is built, and toJSON() lists exactly what is shown.

import type { ClientOperationId, OperationId } from '../generated/operations.js';

/** The client's operations (every operation of a spec document with a service), from generated/operations.ts. */
export type LiveOperationId = ClientOperationId;
/** Every operation of the spec documents: the client's, IAM's project id lookup, the metadata service's. */
export type { OperationId };

export class LiveError extends Error {
  override name = 'LiveError';
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

export interface ValidationProblem {
  /** The field path, e.g. `tls_certificate.cert_id` or `domain`. */
  field: string;
  message: string;
  /** Which kind of rule of the spec failed. */
  rule: 'length' | 'enum' | 'type' | 'required' | 'pattern';
  /** For a length rule: the spec's limit and the value's size, in characters (code points). */
  limit?: number;
  size?: number;
}

/** Bad input, found before anything was sent. */
export class ValidationError extends LiveError {
  override name = 'ValidationError';
  readonly field: string;
  readonly problems: readonly ValidationProblem[];
  constructor(problems: readonly ValidationProblem[]) {
    const [first] = problems;
    if (!first) throw new TypeError('ValidationError needs at least one problem');
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more: ${problems
            .slice(1)
            .map((p) => p.field)
            .join(', ')})`
        : '';
    super(`Invalid ${first.field}: ${first.message}${more}; nothing was sent`);
    this.field = first.field;
    this.problems = problems;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, problems: this.problems };
  }
}

/** A client option that cannot work (unknown region, missing credentials, bad endpoint). */
export class ConfigurationError extends LiveError {
  override name = 'ConfigurationError';
  readonly option: string;
  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), option: this.option };
  }
}

export interface ApiErrorDetails {
  status: number;
  errorCode: string | undefined;
  errorMsg: string | undefined;
  requestId: string | undefined;
  operation: OperationId | undefined;
  attempts: number;
  /** The start of the response body, cut to a few kB, secrets removed. */
  body: string;
  /** The body's error_detail, when it has one (sanitised; an object or list as JSON text). */
  errorDetail?: string | undefined;
}

/** The service answered with a non-2xx status. */
export class LiveApiError extends LiveError {
  override name = 'LiveApiError';
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  readonly requestId: string | undefined;
  readonly operation: OperationId | undefined;
  readonly attempts: number;
  readonly body: string;
  readonly errorDetail: string | undefined;
  constructor(details: ApiErrorDetails) {
    const what = details.errorCode
      ? `${details.errorCode}: ${details.errorMsg ?? ''}`.trim()
      : `HTTP ${details.status}`;
    const where = details.operation ? `${details.operation} failed` : 'Request failed';
    const id = details.requestId ? ` (request id ${details.requestId})` : '';
    const detail = details.errorDetail ? ` (detail: ${details.errorDetail})` : '';
    super(`${where} with HTTP ${details.status}: ${what}${detail}${id}`);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMsg = details.errorMsg;
    this.requestId = details.requestId;
    this.operation = details.operation;
    this.attempts = details.attempts;
    this.body = details.body;
    this.errorDetail = details.errorDetail;
  }
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      errorCode: this.errorCode,
      errorMsg: this.errorMsg,
      ...(this.errorDetail === undefined ? {} : { errorDetail: this.errorDetail }),
      requestId: this.requestId,
      operation: this.operation,
      attempts: this.attempts,
    };
  }
}

/**
 * The gateway refused these credentials before (a 401 for the key or the signature), so nothing
 * more is sent with them: a few more refused attempts would lock the access key for 5 minutes.
 */
export class LiveCredentialsRefusedError extends LiveError {
  override name = 'LiveCredentialsRefusedError';
  readonly operation: OperationId | undefined;
  constructor(operation: OperationId | undefined) {
    super(
      `${operation ?? 'The request'} was not sent: the API gateway already refused these credentials, and more refused attempts would lock the access key for 5 minutes (for every tool of the account). Check that the AK and SK are a pair of the same key and current, that the machine clock is right (NTP), and that a temporary security token has not expired; then run again (a new client, or a provider returning other credentials, sends again)`,
    );
    this.operation = operation;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operation: this.operation };
  }
}

/** The server answered with a redirect. It is never followed: credentials go to the endpoint only. */
export class LiveRedirectError extends LiveError {
  override name = 'LiveRedirectError';
  /** The 3xx status; 0 where the runtime hides it (a browser's opaque redirect). */
  readonly status: number;
  /** Where the server pointed, user info removed; undefined where the runtime hides it. */
  readonly location: string | undefined;
  readonly requestId: string | undefined;
  readonly operation: OperationId | undefined;
  readonly attempts: number;
  constructor(
    message: string,
    details: {
      status: number;
      location: string | undefined;
      requestId: string | undefined;
      operation: OperationId | undefined;
      attempts: number;
    },
  ) {
    super(message);
    this.status = details.status;
    this.location = details.location;
    this.requestId = details.requestId;
    this.operation = details.operation;
    this.attempts = details.attempts;
  }
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      location: this.location,
      requestId: this.requestId,
      operation: this.operation,
      attempts: this.attempts,
    };
  }
}

/** No usable response: connection refused or reset, DNS failure, a broken body. */
export class LiveNetworkError extends LiveError {
  override name = 'LiveNetworkError';
  readonly operation: OperationId | undefined;
  readonly attempts: number;
  constructor(message: string, options: { cause: unknown; operation: OperationId | undefined; attempts: number }) {
    super(message, { cause: options.cause });
    this.operation = options.operation;
    this.attempts = options.attempts;
  }
  override toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? `${this.cause.name}: ${this.cause.message}` : String(this.cause);
    return { ...super.toJSON(), operation: this.operation, attempts: this.attempts, cause };
  }
}

/** The TLS handshake failed (an untrusted CA, a wrong name, an expired certificate): not retried. */
export class LiveTlsError extends LiveNetworkError {
  override name = 'LiveTlsError';
  /** The runtime's code for the failure, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE. */
  readonly code: string;
  constructor(
    message: string,
    options: { cause: unknown; operation: OperationId | undefined; attempts: number; code: string },
  ) {
    super(message, options);
    this.code = options.code;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code };
  }
}

/**
 * The endpoint speaks only HTTP/2 (its TLS offers only ALPN `h2`, or it refused HTTP/1.1), while
 * this client speaks HTTP/1.1, as Huawei Cloud's API endpoints do: the wrong endpoint, or a gateway
 * set up for HTTP/2 alone. Asking again gets the same answer: not retried.
 */
export class LiveHttp2OnlyError extends LiveNetworkError {
  override name = 'LiveHttp2OnlyError';
  /** The origin that answered so, e.g. `https://live.example.com:8443`. */
  readonly endpoint: string;
  /** What showed it: the TLS alert, Node's "Missing ALPN Protocol" 403, or HTTP/2 frames. */
  readonly evidence: string;
  constructor(
    message: string,
    options: {
      cause: unknown;
      operation: OperationId | undefined;
      attempts: number;
      endpoint: string;
      evidence: string;
    },
  ) {
    super(message, options);
    this.endpoint = options.endpoint;
    this.evidence = options.evidence;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), endpoint: this.endpoint, evidence: this.evidence };
  }
}

/** The proxy refused to carry the request (CONNECT not answered with 200, or a 407). Not retried. */
export class LiveProxyError extends LiveNetworkError {
  override name = 'LiveProxyError';
  /** The proxy URL without its user info. */
  readonly proxy: string;
  /** The proxy's status, e.g. 407 (authentication required) or 403. */
  readonly status: number;
  constructor(
    message: string,
    options: { cause: unknown; operation: OperationId | undefined; attempts: number; proxy: string; status: number },
  ) {
    super(message, options);
    this.proxy = options.proxy;
    this.status = options.status;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), proxy: this.proxy, status: this.status };
  }
}

/** The per-attempt timeout ran out on every attempt. */
export class LiveTimeoutError extends LiveNetworkError {
  override name = 'LiveTimeoutError';
  readonly timeoutMs: number;
  constructor(
    message: string,
    options: { cause: unknown; operation: OperationId | undefined; attempts: number; timeoutMs: number },
  ) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

export interface ResponseErrorDetails {
  status: number;
  requestId: string | undefined;
  operation: OperationId | undefined;
  attempts: number;
  /** Why the body is not what the spec promises (server values redacted and cut). */
  reason: string;
  /** The start of the body, redacted, stripped of control characters, cut short. */
  excerpt: string;
  /** True for an operation that changes something (update, delete). */
  mutating: boolean;
}

/** A 2xx answer whose body is not what the spec documents for that operation: no result is vouched for. */
export class LiveResponseError extends LiveError {
  override name = 'LiveResponseError';
  readonly status: number;
  readonly requestId: string | undefined;
  readonly operation: OperationId | undefined;
  readonly attempts: number;
  readonly reason: string;
  readonly excerpt: string;
  constructor(details: ResponseErrorDetails) {
    const where = details.operation ?? 'The request';
    const id = details.requestId ? ` (request id ${details.requestId})` : '';
    const applied = details.mutating
      ? ' The change may or may not have been applied: check with show before you retry.'
      : '';
    super(
      `${where} got HTTP ${details.status} with a body the API spec does not allow: ${details.reason}${id}.${applied} Body: ${details.excerpt === '' ? '(empty)' : JSON.stringify(details.excerpt)}`,
    );
    this.status = details.status;
    this.requestId = details.requestId;
    this.operation = details.operation;
    this.attempts = details.attempts;
    this.reason = details.reason;
    this.excerpt = details.excerpt;
  }
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      requestId: this.requestId,
      operation: this.operation,
      attempts: this.attempts,
      reason: this.reason,
      excerpt: this.excerpt,
    };
  }
}
