// The one way requests leave the client, loaded by createTransport at its first call: authorise
// (sign) every attempt with a fresh date, enforce the per-attempt timeout over headers and body,
// retry what is transient, correct the clock when the server says it is off. What only an unusual
// answer or a failure needs (its wording, the call log's records) is loaded when that happens.
import { withAttempts } from '../internal/attempts.js';
import { errorFieldsOfText } from '../internal/error-fields.js';
import { sensitiveValuesOfBytes } from '../internal/sensitive-values.js';
import type { CallLog } from '../log/call-log.js';
import type { Log } from '../log/logger.js';
import { ServerClock } from './clock.js';
import { acceptsCredentials, isSignatureExpired, refusesCredentials } from './credentials-verdict.js';
import { http2OnlyAnswer } from './http2-only.js';
import { createLimiter } from './limiter.js';
import { type OutgoingRequest, type PlainRequest, toOutgoing } from './outgoing.js';
import { backoffDelay, isThrottled, parseRetryAfter, RETRYABLE_STATUSES, throttleDelay } from './retry-policy.js';
import type { BodyLimit, Sender, WireResponse } from './sender.js';
import type { CallContext, TransportOptions } from './transport-types.js';
import type { CredentialsGate } from './credentials-gate.js';
import type { Pacer, Timers } from './pacer.js';

/** A success body larger than this is refused; the API's largest answer is a few kB. */
export const MAX_SUCCESS_BODY = 4 * 1024 * 1024;
/** An error body is cut to this much, the rest never read. */
export const MAX_ERROR_BODY = 64 * 1024;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const BODY_LIMIT: BodyLimit = (status) =>
  status >= 200 && status < 300
    ? { limit: MAX_SUCCESS_BODY, truncate: false }
    : { limit: MAX_ERROR_BODY, truncate: true };

class AttemptTimeout extends Error {
  override name = 'TimeoutError';
}

// Below info nothing is recorded per attempt (a clock correction, at warn, loads the records then).
const QUIET: CallLog = {
  sending: () => undefined,
  answered: () => undefined,
  failed: () => undefined,
  retrying: () => undefined,
  clockCorrected: () => undefined,
  pacing: () => undefined,
};

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

/** What createTransport checked and made at once, handed to the loop. */
export interface LoopSettings {
  options: TransportOptions;
  maxSockets: number;
  retries: number;
  log: Log;
  send: Sender;
  gate: CredentialsGate;
  timers: Timers;
  pacer: Pacer;
}

/** A call whose timeout is settled (createTransport checked it and the signal). */
export type CheckedCall = (
  input: RequestInfo | URL | PlainRequest,
  init: RequestInit | undefined,
  context: CallContext & { timeoutMs: number },
) => Promise<Response>;

export function transportLoop(settings: LoopSettings): CheckedCall {
  const { options, retries, log, send, gate, timers, pacer } = settings;
  const limiter = createLimiter(settings.maxSockets);
  const tuning = options.retry ?? {};
  const maxRetryAfter = tuning.maxRetryAfterMs ?? 60_000;
  const clientSecrets = options.secrets ?? [];
  const random = options.random ?? Math.random;
  const clock = new ServerClock();
  const records = (operation: CallContext['operation'], secrets: readonly string[]) =>
    import('../log/call-log.js').then((m) => m.callLog(log, operation, retries, secrets));

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

  return async function call(
    input: RequestInfo | URL | PlainRequest,
    init: RequestInit | undefined,
    // Its timeout and signal were checked by createTransport.
    context: CallContext & { timeoutMs: number },
  ): Promise<Response> {
    const { timeoutMs } = context;
    const base = await toOutgoing(input, init);
    const caller = base.signal;
    let attempts = 0;
    let retriesUsed = 0;
    let clockRetried = false;
    // What this call redacts: the credentials' secrets (a provider adds its own when it signs, so
    // the list is refreshed after each signing) and the sensitive fields of its body (a private key).
    const bodySecrets = sensitiveValuesOfBytes(base.body);
    const secrets: string[] = [...clientSecrets, ...bodySecrets];
    let trace = log.enabled('info') ? await records(context.operation, secrets) : QUIET;
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
      let wire: WireResponse;
      try {
        wire = await attemptOnce(request, timeoutMs);
      } catch (error) {
        const { judgeFailure } = await import('./attempt-failure.js');
        const verdict = judgeFailure(error, {
          operation: context.operation,
          where: `${context.operation ?? request.method} to ${request.url.origin}`,
          host: request.url.host,
          origin: request.url.origin,
          method: request.method,
          attempts,
          timedOut: error instanceof AttemptTimeout,
          timeoutMs,
          canRetry: retriesUsed < retries,
          caller: caller ?? undefined,
          secrets,
        });
        trace.failed(request, verdict.described);
        if ('error' in verdict) throw verdict.error;
        retriesUsed++;
        const delay = backoffDelay(retriesUsed, tuning, random);
        trace.retrying(verdict.described, delay);
        await timers.sleep(delay, caller ?? undefined);
        continue;
      }
      trace.answered(request, wire);
      // Not the API's 403: an HTTP/2-only server refusing HTTP/1.1 (no IAM hint, no retry).
      const http2Answer = http2OnlyAnswer(wire);
      if (http2Answer) {
        const { http2OnlyError } = await import('./attempt-failure.js');
        throw http2OnlyError(
          request.url.origin,
          request.method,
          context.operation,
          attempts,
          http2Answer,
          undefined,
          secrets,
        );
      }
      // Never retried: a redirect is not followed, and a second try could repeat a change. The
      // common case (a final status, no redirect) costs nothing here.
      if (
        wire.redirect !== undefined ||
        !((wire.status >= 200 && wire.status < 300) || (wire.status >= 400 && wire.status <= 599))
      ) {
        const { refusal } = await import('./refusal.js');
        const refused = refusal(wire, request, context.operation, attempts, secrets);
        if (refused) throw refused;
      }
      const response = toResponse(wire);
      const fields = response.status >= 400 ? errorFieldsOfText(new TextDecoder().decode(wire.body)) : undefined;
      if (options.clockSensitive && response.status === 401 && !clockRetried) {
        // A signature refused for its date is signed again once, with the corrected clock.
        const corrected = clock.observeRejection(response.headers.get('date'));
        if (corrected && log.enabled('warn')) {
          if (trace === QUIET) trace = await records(context.operation, secrets);
          trace.clockCorrected(clock.offset);
        }
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
  };
}
