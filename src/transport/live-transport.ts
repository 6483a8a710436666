// The one way requests leave the client: authorise (sign) every attempt with a fresh date,
// enforce the per-attempt timeout over headers and body, retry what is transient, correct the
// clock when the server says it is off. It has the shape of fetch, so both openapi-fetch and the
// openapi-generator client can use it.
import { LiveNetworkError, LiveProxyError, LiveTimeoutError, type OperationId } from '../errors.js';
import { redact } from '../internal/redact.js';
import { ServerClock } from './clock.js';
import { type OutgoingRequest, type PlainRequest, toOutgoing } from './outgoing.js';
import { ProxyRefusedError } from './proxy-refused.js';
import { ResponseTooLargeError } from './read-body.js';
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, type RetryTuning, sleep } from './retry-policy.js';
import { type BodyLimit, fetchSender, type FetchFunction, type Sender } from './sender.js';

export type { BodyLimit, FetchFunction, Sender, WireResponse } from './sender.js';

export type Authorize = (request: OutgoingRequest, date: Date) => Promise<void> | void;

export interface TransportOptions {
  authorize: Authorize;
  /** The fetch that goes on the wire; the global fetch by default. */
  fetch?: FetchFunction | undefined;
  /** Replaces `fetch` as the way to the wire (see Sender). */
  sender?: Sender | undefined;
  /** Per attempt, covering headers and body. Default 30 s. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. Default 2 (at most 3 attempts); 0 disables. */
  retries?: number | undefined;
  retry?: RetryTuning | undefined;
  /** Values to remove from anything that goes into an error. */
  secrets?: readonly string[] | undefined;
  /** AK/SK signatures carry a date the gateway checks; token requests do not. */
  clockSensitive?: boolean | undefined;
  random?: (() => number) | undefined;
}

export interface CallContext {
  operation?: OperationId | undefined;
  timeoutMs?: number | undefined;
}

export interface Transport {
  /** A fetch-compatible function: give it to openapi-fetch or to the generated client as `fetchApi`. */
  readonly fetch: FetchFunction;
  call(input: RequestInfo | URL | PlainRequest, init: RequestInit | undefined, context: CallContext): Promise<Response>;
  readonly clock: ServerClock;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 2;
/** A success body larger than this is refused; the API's largest answer is a few kB. */
export const MAX_SUCCESS_BODY = 4 * 1024 * 1024;
/** An error body is cut to this much, the rest never read. */
export const MAX_ERROR_BODY = 64 * 1024;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const BODY_LIMIT: BodyLimit = (status) =>
  status >= 200 && status < 300 ? { limit: MAX_SUCCESS_BODY, truncate: false } : { limit: MAX_ERROR_BODY, truncate: true };
const attemptsByResponse = new WeakMap<Response, number>();

/** How many attempts produced this response (1 when it came first time). */
export function attemptsOf(response: Response): number {
  return attemptsByResponse.get(response) ?? 1;
}

class AttemptTimeout extends Error {
  override name = 'TimeoutError';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  const inner = error.cause instanceof Error ? error.cause.message : undefined;
  return [error.message, typeof code === 'string' ? code : inner].filter(Boolean).join(': ');
}

export function createTransport(options: TransportOptions): Transport {
  const send: Sender = options.sender ?? fetchSender(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const tuning = options.retry ?? {};
  const maxRetryAfter = tuning.maxRetryAfterMs ?? 60_000;
  const secrets = options.secrets ?? [];
  const random = options.random ?? Math.random;
  const clock = new ServerClock();

  async function attemptOnce(request: OutgoingRequest, timeoutMs: number): Promise<{ response: Response; text: () => string }> {
    const controller = new AbortController();
    const caller = request.signal;
    const timer = setTimeout(() => controller.abort(new AttemptTimeout(`no complete response within ${timeoutMs} ms`)), timeoutMs);
    const onCallerAbort = () => controller.abort(caller?.reason);
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const wire = await send(request, controller.signal, BODY_LIMIT);
      const bytes = wire.body;
      // The body is now whole and decoded: its real length replaces the wire's length, chunking
      // and encoding (a length of 0 also lets openapi-fetch skip reading an empty body).
      const headers = new Headers(wire.headers);
      headers.delete('content-encoding');
      headers.delete('transfer-encoding');
      const empty = bytes.byteLength === 0 || NULL_BODY_STATUSES.has(wire.status);
      if (!NULL_BODY_STATUSES.has(wire.status)) headers.set('content-length', String(bytes.byteLength));
      // A null body costs undici no stream; most answers of this API are empty.
      const response = new Response(empty ? null : (bytes as Uint8Array<ArrayBuffer>), {
        status: wire.status,
        statusText: wire.statusText,
        headers,
      });
      return { response, text: () => new TextDecoder().decode(bytes) };
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof AttemptTimeout) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function call(input: RequestInfo | URL | PlainRequest, init: RequestInit | undefined, context: CallContext): Promise<Response> {
    const base = await toOutgoing(input, init);
    const timeoutMs = context.timeoutMs ?? defaultTimeout;
    const caller = base.signal;
    let attempts = 0;
    let retriesUsed = 0;
    let clockRetried = false;
    for (;;) {
      attempts++;
      if (caller?.aborted) throw caller.reason;
      const request: OutgoingRequest = { ...base, headers: { ...base.headers } };
      await options.authorize(request, clock.now());
      let outcome: Awaited<ReturnType<typeof attemptOnce>>;
      try {
        outcome = await attemptOnce(request, timeoutMs);
      } catch (error) {
        if (caller?.aborted) throw caller.reason;
        if (error instanceof ResponseTooLargeError) {
          throw new LiveNetworkError(`${request.method} ${request.url.origin}: ${error.message}`, {
            cause: error, operation: context.operation, attempts,
          });
        }
        if (error instanceof ProxyRefusedError) {
          throw new LiveProxyError(`${context.operation ?? request.method} to ${request.url.origin}: ${error.message}`, {
            cause: error, operation: context.operation, attempts, proxy: error.proxy, status: error.status,
          });
        }
        if (retriesUsed < retries) {
          retriesUsed++;
          await sleep(backoffDelay(retriesUsed, tuning, random), caller);
          continue;
        }
        const where = `${context.operation ?? request.method} to ${request.url.origin}`;
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        if (error instanceof AttemptTimeout) {
          throw new LiveTimeoutError(`${where} timed out after ${timeoutMs} ms (${tries}); raise the timeout or check the network`, {
            cause: error, operation: context.operation, attempts, timeoutMs,
          });
        }
        throw new LiveNetworkError(redact(`${where} failed (${tries}): ${describe(error)}`, secrets), {
          cause: error, operation: context.operation, attempts,
        });
      }
      const { response } = outcome;
      if (options.clockSensitive) {
        const corrected = clock.observe(response.headers.get('date'));
        if (response.status === 401 && !clockRetried && (corrected || /expire/i.test(outcome.text()))) {
          // A signature refused for its date is signed again once, with the corrected clock.
          clockRetried = true;
          continue;
        }
      }
      if (RETRYABLE_STATUSES.has(response.status) && retriesUsed < retries) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        if (retryAfter === undefined || retryAfter <= maxRetryAfter) {
          retriesUsed++;
          await sleep(retryAfter ?? backoffDelay(retriesUsed, tuning, random), caller);
          continue;
        }
      }
      attemptsByResponse.set(response, attempts);
      return response;
    }
  }

  return {
    fetch: (input, init) => call(input, init, {}),
    call,
    clock,
  };
}
