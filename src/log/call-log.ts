// The transport's records, one object per call: the transport tells it what happens (an attempt
// goes out, an answer or a failure comes back, a retry waits, the clock moves) and this decides
// what each level shows. The transport calls it from a few places and never waits for it.
//   info:  one line per attempt, each retry with its reason and delay, pacing waits
//   debug: also the canonical request and string to sign (never the signature), the request and
//          response headers and bodies, secrets and sensitive fields masked
//   warn:  a clock correction (the machine's clock is wrong)
import { serverText } from '../internal/server-text.js';
import type { Log, LogFields } from './logger.js';
import { logBody, logHeaders, maskCanonicalRequest } from './sanitise.js';

// The parts of the transport's request and answer read here (structural: the log folder does not
// import the transport, which imports it).
interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  /** What the AK/SK signer signed (auth/aksk-signer.ts); absent for a token or another signer. */
  signed?: { canonicalRequest: string; stringToSign: string } | undefined;
}
interface WireResponse {
  status: number;
  headers: [string, string][] | Headers;
  body: Uint8Array;
  redirect?: 'opaque' | 'followed' | undefined;
}

export interface CallLog {
  /** A signed attempt is about to go out (number `attempt`, from 1). */
  sending(request: OutgoingRequest, attempt: number): void;
  /** Its answer came back (any status). */
  answered(request: OutgoingRequest, wire: WireResponse): void;
  /** It failed without an answer (network, timeout, TLS, proxy); `reason` is already sanitised. */
  failed(request: OutgoingRequest, reason: string): void;
  /** Another attempt follows after `delayMs`; `extra` when it is one beyond the retries (the clock retry). */
  retrying(reason: string, delayMs: number, extra?: boolean): void;
  /** The clock now signs with this offset from the local one. */
  clockCorrected(offsetMs: number): void;
  /** A wait before sending that was not a retry (the client's pace), after it. */
  pacing(delayMs: number, reason: string): void;
}

const NOTHING: CallLog = {
  sending: () => undefined,
  answered: () => undefined,
  failed: () => undefined,
  retrying: () => undefined,
  clockCorrected: () => undefined,
  pacing: () => undefined,
};

function pairsOf(headers: WireResponse['headers']): [string, string][] {
  if (Array.isArray(headers)) return headers;
  const pairs: [string, string][] = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}

function headerOf(headers: WireResponse['headers'], name: string): string | undefined {
  if (!Array.isArray(headers)) return headers.get(name) ?? undefined;
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** The records of one call; `retries` is the most it may retry, `secrets` what to redact. */
export function callLog(log: Log, operation: string | undefined, retries: number, secrets: readonly string[]): CallLog {
  if (!log.enabled('warn')) return NOTHING;
  const info = log.enabled('info');
  const debug = log.enabled('debug');
  let attempts = retries + 1;
  let attempt = 0;
  let started = 0;
  let retriesLogged = 0;
  // The values of the request body's sensitive fields, redacted from what comes back too.
  const found: string[] = [];
  const redacting = () => (found.length ? [...secrets, ...found] : secrets);
  const where = (request: OutgoingRequest) =>
    `${request.method} ${serverText(`${request.url.pathname}${request.url.search}`, secrets, 512)}`;
  const base = (request: OutgoingRequest): LogFields => ({
    operation,
    attempt,
    attempts,
    method: request.method,
    path: serverText(`${request.url.pathname}${request.url.search}`, secrets, 512),
  });

  return contained({
    sending(request, number) {
      attempt = number;
      started = performance.now();
      if (!debug) return;
      const fields = base(request);
      const what = `${where(request)} (attempt ${attempt}/${attempts})`;
      const body = logBody(request.body, secrets, found);
      log.debug(`request headers of ${what}: ${JSON.stringify(logHeaders(Object.entries(request.headers), secrets))}`, {
        ...fields,
        headers: logHeaders(Object.entries(request.headers), secrets),
      });
      if (body) log.debug(`request body of ${what}: ${body}`, { ...fields, body });
      // As the AK/SK signer signed it (it keeps the text on the request); the HMAC is never shown.
      if (request.signed) {
        const canonical = maskCanonicalRequest(request.signed.canonicalRequest, redacting());
        log.debug(`canonical request of ${what}:\n${canonical}`, { ...fields, canonicalRequest: canonical });
        const toSign = maskCanonicalRequest(request.signed.stringToSign, redacting());
        log.debug(`string to sign of ${what}:\n${toSign}`, { ...fields, stringToSign: toSign });
      }
    },

    answered(request, wire) {
      if (!info) return;
      const durationMs = Math.round(performance.now() - started);
      const rawId = headerOf(wire.headers, 'x-request-id') ?? headerOf(wire.headers, 'x-iam-trace-id');
      const requestId = rawId === undefined ? undefined : serverText(rawId, redacting(), 128);
      const status = wire.redirect === 'opaque' ? 0 : wire.status;
      const fields = { ...base(request), status, durationMs, requestId };
      log.info(
        `${where(request)} -> ${status} in ${durationMs} ms (attempt ${attempt}/${attempts}, ${requestId === undefined ? 'no request id' : `request id ${requestId}`})`,
        fields,
      );
      if (!debug) return;
      const headers = logHeaders(pairsOf(wire.headers), redacting());
      log.debug(`response headers of ${where(request)}: ${JSON.stringify(headers)}`, { ...fields, headers });
      const body = logBody(wire.body, redacting());
      if (body) log.debug(`response body of ${where(request)}: ${body}`, { ...fields, body });
    },

    failed(request, described) {
      if (!info) return;
      const durationMs = Math.round(performance.now() - started);
      const reason = serverText(described, redacting(), 512);
      log.info(`${where(request)} -> failed after ${durationMs} ms: ${reason} (attempt ${attempt}/${attempts})`, {
        ...base(request),
        durationMs,
        error: reason,
      });
    },

    retrying(reason, delayMs, extra = false) {
      if (extra) attempts++;
      else retriesLogged++;
      if (!info) return;
      const which = extra ? 'one more attempt' : `retry ${retriesLogged} of ${retries}`;
      log.info(
        `retrying ${operation ?? 'the request'} in ${Math.round(delayMs)} ms (${which}): ${serverText(reason, redacting(), 256)}`,
        {
          operation,
          attempt: attempt + 1,
          attempts,
          delayMs: Math.round(delayMs),
          reason: serverText(reason, redacting(), 256),
        },
      );
    },

    clockCorrected(offsetMs) {
      const seconds = Math.round(offsetMs / 1000);
      log.warn(
        seconds === 0
          ? 'the server no longer finds the local clock off; signing with the local time again'
          : `the local clock is ${Math.abs(seconds)} s ${seconds > 0 ? 'behind' : 'ahead of'} the server's (its Date header); signing with the server's time: fix the machine's clock (NTP)`,
        { operation, clockOffsetMs: offsetMs },
      );
    },

    pacing(delayMs, reason) {
      if (!info) return;
      log.info(
        `waited ${Math.round(delayMs)} ms before ${operation ?? 'the request'}: ${serverText(reason, [], 256)}`,
        {
          operation,
          delayMs: Math.round(delayMs),
          reason: serverText(reason, [], 256),
        },
      );
    },
  });
}

/** The same hooks, each unable to throw: a fault in logging is never the call's. */
function contained(hooks: CallLog): CallLog {
  const safe: Record<string, (...args: unknown[]) => void> = {};
  for (const [name, hook] of Object.entries(hooks) as [string, (...args: unknown[]) => void][]) {
    safe[name] = (...args) => {
      try {
        hook(...args);
      } catch {
        // Nothing: the call goes on.
      }
    };
  }
  return safe as unknown as CallLog;
}
