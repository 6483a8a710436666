// The one way requests leave the client: authorise (sign) every attempt with a fresh date,
// enforce the per-attempt timeout over headers and body, retry what is transient, correct the
// clock when the server says it is off. It has the shape of fetch, so both openapi-fetch and the
// openapi-generator client can use it.
import {
  LiveHttp2OnlyError,
  LiveNetworkError,
  LiveProxyError,
  LiveRedirectError,
  LiveResponseError,
  LiveTimeoutError,
  LiveTlsError,
  type OperationId,
} from '../errors.js';
import { withAttempts } from '../internal/attempts.js';
import type { Env } from '../internal/runtime.js';
import { serverText } from '../internal/server-text.js';
import { sensitiveValuesOfBytes } from '../internal/sensitive-values.js';
import { callLog } from '../log/call-log.js';
import { createLog, type LogOptions } from '../log/logger.js';
import { ServerClock } from './clock.js';
import { chooseSender } from './default-sender.js';
import { describeFailure, safeCause, tlsFailure } from './failure.js';
import { http2OnlyAdvice, http2OnlyAnswer, http2OnlyFailure } from './http2-only.js';
import { errorFieldsOfText } from '../internal/error-fields.js';
import {
  acceptsCredentials,
  type CredentialsGate,
  createCredentialsGate,
  isSignatureExpired,
  refusesCredentials,
} from './credentials-gate.js';
import { createLimiter } from './limiter.js';
import { createPacer, type Pacer, realTimers, type Timers } from './pacer.js';
import { DEFAULT_MAX_SOCKETS } from './node-sender.js';
import { checkMaxSockets, checkRetries, checkSignal, checkTimeout } from './options.js';
import { isMutating, type OutgoingRequest, type PlainRequest, toOutgoing } from './outgoing.js';
import { ProxyRefusedError } from '../proxy-agents/proxy-refused.js';
import { ResponseTooLargeError } from './read-body.js';
import {
  backoffDelay,
  isThrottled,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  type RetryTuning,
  throttleDelay,
} from './retry-policy.js';
import type { BodyLimit, FetchFunction, Sender, WireResponse } from './sender.js';

export type { BodyLimit, FetchFunction, Sender, WireResponse } from './sender.js';

/**
 * Puts the credentials on a request; may return which credentials it used (an opaque identity),
 * so that credentials the gateway refused are not sent again.
 */
export type Authorize = (request: OutgoingRequest, date: Date) => Promise<string | void> | string | void;

export interface TransportOptions extends LogOptions {
  authorize: Authorize;
  /** The fetch that goes on the wire. Without `fetch` and `sender`: node:http on Node, else the global fetch. */
  fetch?: FetchFunction | undefined;
  /** Replaces `fetch` as the way to the wire (see Sender). */
  sender?: Sender | undefined;
  /** Requests in flight at once (more wait their turn), and the node:http sender's sockets per origin. Default 64. */
  maxSockets?: number | undefined;
  /** For that node:http sender: a proxy URL, or false; by default HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: string | false | undefined;
  /** Where the proxy variables are read, once; the process environment by default. */
  env?: Env | undefined;
  /** Per attempt, covering headers and body. Default 30 s; at most 2**31-1. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt: a whole number from 0 (none) to 10. Default 2 (at most 3 attempts). */
  retries?: number | undefined;
  retry?: RetryTuning | undefined;
  /** Values to remove from anything that goes into an error. */
  secrets?: readonly string[] | undefined;
  /** AK/SK signatures carry a date the gateway checks; token requests do not. */
  clockSensitive?: boolean | undefined;
  random?: (() => number) | undefined;
  /** Shared by the transports of one client: refused credentials are not sent again by any of them. */
  gate?: CredentialsGate | undefined;
  /** Paces the start of every attempt; shared by the transports of one client. Default: none. */
  pacer?: Pacer | undefined;
  /** The clock of retry waits (and of the pacer's); real time by default. */
  timers?: Timers | undefined;
}

export interface CallContext {
  operation?: OperationId | undefined;
  timeoutMs?: number | undefined;
}

export interface Transport {
  /** A fetch-compatible function: give it to openapi-fetch or to the generated client as `fetchApi`. */
  readonly fetch: FetchFunction;
  call(input: RequestInfo | URL | PlainRequest, init: RequestInit | undefined, context: CallContext): Promise<Response>;
  readonly gate: CredentialsGate;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 2;
/** A success body larger than this is refused; the API's largest answer is a few kB. */
export const MAX_SUCCESS_BODY = 4 * 1024 * 1024;
/** An error body is cut to this much, the rest never read. */
export const MAX_ERROR_BODY = 64 * 1024;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const BODY_LIMIT: BodyLimit = (status) =>
  status >= 200 && status < 300
    ? { limit: MAX_SUCCESS_BODY, truncate: false }
    : { limit: MAX_ERROR_BODY, truncate: true };
const KEEP_EXCERPT = 256;

export { attemptsOf } from '../internal/attempts.js';

class AttemptTimeout extends Error {
  override name = 'TimeoutError';
}

function headerOf(wire: WireResponse, name: string): string | null {
  return (wire.headers instanceof Headers ? wire.headers : new Headers(wire.headers)).get(name);
}

/** A Location made safe to show: resolved against the request, user info removed, sanitised. */
function safeLocation(location: string | null, base: URL, secrets: readonly string[]): string | undefined {
  if (location === null) return undefined;
  let shown: string;
  try {
    const url = new URL(location, base);
    url.username = '';
    url.password = '';
    shown = url.href;
  } catch {
    shown = location.replace(/^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]*@/i, '$1//');
  }
  return serverText(shown, secrets, 512);
}

/** The body as a Response, its real length in place of the wire's length, chunking and encoding. */
function toResponse(wire: WireResponse): Response {
  const bytes = wire.body;
  const sized = !NULL_BODY_STATUSES.has(wire.status);
  let headers: Headers | [string, string][];
  if (Array.isArray(wire.headers)) {
    // Name/value pairs (node:http): filtered as they are, one Headers built (by Response) not two.
    headers = wire.headers.filter(([name]) => {
      const lower = name.toLowerCase();
      return lower !== 'content-encoding' && lower !== 'transfer-encoding' && !(sized && lower === 'content-length');
    });
    if (sized) headers.push(['content-length', String(bytes.byteLength)]);
  } else {
    headers = new Headers(wire.headers);
    headers.delete('content-encoding');
    headers.delete('transfer-encoding');
    // A length of 0 also lets openapi-fetch skip reading an empty body.
    if (sized) headers.set('content-length', String(bytes.byteLength));
  }
  const empty = bytes.byteLength === 0 || !sized;
  // A null body costs undici no stream; most answers of this API are empty.
  return new Response(empty ? null : (bytes as Uint8Array<ArrayBuffer>), {
    status: wire.status,
    statusText: wire.statusText,
    headers,
  });
}

export function createTransport(options: TransportOptions): Transport {
  const defaultTimeout =
    options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, 'timeoutMs');
  const maxSockets = checkMaxSockets(options.maxSockets) ?? DEFAULT_MAX_SOCKETS;
  const log = createLog(options);
  const send: Sender = chooseSender({
    sender: options.sender,
    fetch: options.fetch,
    maxSockets,
    proxy: options.proxy,
    env: options.env,
    logLevel: log.level,
    logger: options.logger,
  });
  const limiter = createLimiter(maxSockets);
  const retries = checkRetries(options.retries) ?? DEFAULT_RETRIES;
  const tuning = options.retry ?? {};
  const maxRetryAfter = tuning.maxRetryAfterMs ?? 60_000;
  const clientSecrets = options.secrets ?? [];
  const random = options.random ?? Math.random;
  const clock = new ServerClock();
  const gate = options.gate ?? createCredentialsGate();
  const timers = options.timers ?? realTimers;
  const pacer = options.pacer ?? createPacer(0, timers);

  async function attemptOnce(request: OutgoingRequest, timeoutMs: number): Promise<WireResponse> {
    const controller = new AbortController();
    const caller = request.signal;
    const timer = setTimeout(
      () => controller.abort(new AttemptTimeout(`no complete response within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onCallerAbort = () => controller.abort(caller?.reason);
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    let release: (() => void) | undefined;
    try {
      // The wait for a turn is part of the attempt: its timeout and the caller's abort end it.
      release = await limiter.acquire(controller.signal);
      return await send(request, controller.signal, BODY_LIMIT);
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof AttemptTimeout)
        throw controller.signal.reason;
      throw error;
    } finally {
      release?.();
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** A response that must not be used as one: a redirect, or a status HTTP does not have. */
  function refuse(
    wire: WireResponse,
    request: OutgoingRequest,
    context: CallContext,
    attempts: number,
    secrets: readonly string[],
  ): Error | undefined {
    // The common case first, at no cost: a final status that is not a redirect.
    if (
      wire.redirect === undefined &&
      ((wire.status >= 200 && wire.status < 300) || (wire.status >= 400 && wire.status <= 599))
    )
      return undefined;
    const operation = context.operation;
    const what = `${operation ?? request.method} to ${request.url.origin}`;
    const rawId = wire.redirect === 'opaque' ? null : headerOf(wire, 'x-request-id');
    const requestId = rawId === null ? undefined : serverText(rawId, secrets, 128);
    if (wire.redirect === 'opaque') {
      return new LiveRedirectError(
        `${what} was answered with a redirect (the runtime hides its status and Location); redirects are never followed: check the endpoint`,
        {
          status: 0,
          location: undefined,
          requestId,
          operation,
          attempts,
        },
      );
    }
    if (wire.redirect === 'followed') {
      const location = safeLocation(wire.url ?? null, request.url, secrets);
      return new LiveRedirectError(
        `${what} was redirected${location ? ` to ${location}` : ''} and the given fetch followed it although asked not to (redirect: 'manual'); the answer is not used: check the endpoint and the fetch`,
        {
          status: wire.status,
          location,
          requestId,
          operation,
          attempts,
        },
      );
    }
    if (wire.status >= 300 && wire.status < 400) {
      const location = safeLocation(headerOf(wire, 'location'), request.url, secrets);
      return new LiveRedirectError(
        `${what} was answered with a redirect, HTTP ${wire.status}${location ? ` to ${location}` : ' without a Location'}; redirects are never followed (credentials go to the endpoint only): check the endpoint`,
        {
          status: wire.status,
          location,
          requestId,
          operation,
          attempts,
        },
      );
    }
    if (wire.status < 200 || wire.status > 599) {
      const excerpt = serverText(
        new TextDecoder().decode(wire.body.subarray(0, 4 * KEEP_EXCERPT)),
        secrets,
        KEEP_EXCERPT,
      );
      return new LiveResponseError({
        status: wire.status,
        requestId,
        operation,
        attempts,
        excerpt,
        reason: `HTTP ${wire.status} is not a final status HTTP has (200-599)`,
        mutating: isMutating(request.method),
      });
    }
    return undefined;
  }

  /** The one error for an endpoint that speaks only HTTP/2, whatever the sender met (see http2-only.ts). */
  function http2OnlyError(
    request: OutgoingRequest,
    context: CallContext,
    attempts: number,
    evidence: string,
    cause: Error | undefined,
    secrets: readonly string[],
  ): LiveHttp2OnlyError {
    const origin = serverText(request.url.origin, secrets, 512);
    const where = `${context.operation ?? request.method} to ${origin}`;
    return new LiveHttp2OnlyError(serverText(`${where} failed: ${http2OnlyAdvice(origin, evidence)}`, secrets, 1024), {
      cause,
      operation: context.operation,
      attempts,
      endpoint: origin,
      evidence,
    });
  }

  async function call(
    input: RequestInfo | URL | PlainRequest,
    init: RequestInit | undefined,
    context: CallContext,
  ): Promise<Response> {
    // Checked before anything is sent, for every call (the client's default was checked once).
    const timeoutMs = context.timeoutMs === undefined ? defaultTimeout : checkTimeout(context.timeoutMs, 'timeoutMs');
    checkSignal(init?.signal ?? (input as { signal?: unknown }).signal);
    const base = await toOutgoing(input, init);
    const caller = base.signal;
    let attempts = 0;
    let retriesUsed = 0;
    let clockRetried = false;
    // What this call redacts: the credentials' secrets (a provider adds its own when it signs, so
    // the list is refreshed after each signing) and the sensitive fields of its body (a private key).
    const bodySecrets = sensitiveValuesOfBytes(base.body);
    const secrets: string[] = [...clientSecrets, ...bodySecrets];
    const trace = callLog(log, context.operation, retries, secrets);
    for (;;) {
      attempts++;
      if (caller?.aborted) throw caller.reason;
      const request: OutgoingRequest = { ...base, headers: { ...base.headers } };
      // Every attempt waits its turn under the client's pace before it is signed (a fresh date).
      const paced = await pacer.turn(caller ?? undefined);
      if (paced >= 1)
        trace.pacing(
          paced,
          `the client's pace is one request every ${Math.round(pacer.intervalMs)} ms (requestsPerMinute)`,
        );
      const identity = (await options.authorize(request, clock.now())) ?? undefined;
      if (secrets.length !== clientSecrets.length + bodySecrets.length)
        secrets.splice(0, secrets.length, ...clientSecrets, ...bodySecrets);
      // Credentials the gateway refused are not sent again: five refusals lock the key.
      gate.check(identity, context.operation);
      trace.sending(request, attempts);
      const where = `${context.operation ?? request.method} to ${request.url.origin}`;
      let wire: WireResponse;
      try {
        wire = await attemptOnce(request, timeoutMs);
      } catch (error) {
        trace.failed(request, describeFailure(caller?.aborted ? caller.reason : error, secrets));
        if (caller?.aborted) throw caller.reason;
        const cause = safeCause(error, secrets);
        if (error instanceof ResponseTooLargeError) {
          throw new LiveNetworkError(`${where}: ${error.message}`, { cause, operation: context.operation, attempts });
        }
        const http2Only = http2OnlyFailure(error);
        if (http2Only) throw http2OnlyError(request, context, attempts, http2Only, cause, secrets);
        const tls = tlsFailure(error, request.url.host);
        if (tls) {
          // A certificate problem does not heal by asking again.
          throw new LiveTlsError(serverText(`${where} failed: ${tls.advice}; not retried`, secrets, 1024), {
            cause,
            operation: context.operation,
            attempts,
            code: tls.code,
          });
        }
        if (error instanceof ProxyRefusedError) {
          // The proxy said no (auth, policy): asking again would only repeat it.
          throw new LiveProxyError(serverText(`${where}: ${error.message}`, secrets, 1024), {
            cause,
            operation: context.operation,
            attempts,
            proxy: error.proxy,
            status: error.status,
          });
        }
        if (retriesUsed < retries) {
          retriesUsed++;
          const delay = backoffDelay(retriesUsed, tuning, random);
          trace.retrying(describeFailure(error, secrets), delay);
          await timers.sleep(delay, caller ?? undefined);
          continue;
        }
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        if (error instanceof AttemptTimeout) {
          throw new LiveTimeoutError(
            `${where} timed out after ${timeoutMs} ms (${tries}); raise the timeout or check the network`,
            {
              cause,
              operation: context.operation,
              attempts,
              timeoutMs,
            },
          );
        }
        throw new LiveNetworkError(`${where} failed (${tries}): ${describeFailure(error, secrets)}`, {
          cause,
          operation: context.operation,
          attempts,
        });
      }
      trace.answered(request, wire);
      // Not the API's 403: an HTTP/2-only server refusing HTTP/1.1 (no IAM hint, no retry).
      const http2Answer = http2OnlyAnswer(wire);
      if (http2Answer) throw http2OnlyError(request, context, attempts, http2Answer, undefined, secrets);
      // Never retried: a redirect is not followed, and a second try could repeat a change.
      const refused = refuse(wire, request, context, attempts, secrets);
      if (refused) throw refused;
      const response = toResponse(wire);
      const fields = response.status >= 400 ? errorFieldsOfText(new TextDecoder().decode(wire.body)) : undefined;
      if (options.clockSensitive && response.status === 401 && !clockRetried) {
        // A signature refused for its date is signed again once, with the corrected clock.
        const corrected = clock.observeRejection(response.headers.get('date'));
        if (corrected) trace.clockCorrected(clock.offset);
        if (
          corrected ||
          isSignatureExpired(fields?.errorCode, fields?.errorMsg) ||
          /expire/i.test(new TextDecoder().decode(wire.body))
        ) {
          clockRetried = true;
          trace.retrying('HTTP 401: the signature was refused for its date; signing again', 0, true);
          continue;
        }
      }
      if (
        refusesCredentials(
          response.status,
          fields?.errorCode,
          fields?.errorMsg,
          clockRetried || !options.clockSensitive,
        )
      )
        gate.refused(identity);
      else if (acceptsCredentials(response.status, fields?.errorCode)) gate.accepted(identity);
      // Throttled (429, or the gateway's APIG.0308 on any 4xx): the whole client slows down for 60 s.
      const throttled = isThrottled(response.status, fields?.errorCode);
      if (throttled) pacer.throttled();
      if ((throttled || RETRYABLE_STATUSES.has(response.status)) && retriesUsed < retries) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), timers.now());
        if (retryAfter === undefined || retryAfter <= maxRetryAfter) {
          retriesUsed++;
          // Without Retry-After a throttled call waits 2-5 s, as Huawei advises; others back off.
          const delay = retryAfter ?? (throttled ? throttleDelay(random) : backoffDelay(retriesUsed, tuning, random));
          trace.retrying(`HTTP ${response.status}${retryAfter === undefined ? '' : ' (its Retry-After)'}`, delay);
          await timers.sleep(delay, caller ?? undefined);
          continue;
        }
      }
      return withAttempts(response, attempts);
    }
  }

  return {
    fetch: (input, init) => call(input, init, {}),
    call,
    gate,
  };
}
