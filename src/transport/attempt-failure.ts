// What an attempt that got no answer comes to: the error to throw (a body too large, a TLS
// certificate problem, a refusing proxy, a timeout, a network failure) or another try. Loaded by
// the transport the first time an attempt fails, so this wording is not part of what a program
// loads to send.
import {
  LiveHttp2OnlyError,
  LiveNetworkError,
  LiveProxyError,
  LiveTimeoutError,
  LiveTlsError,
  type OperationId,
} from '../errors.js';
import { serverText } from '../internal/server-text.js';
import { ProxyRefusedError } from '../proxy-agents/proxy-refused.js';
import { describeFailure, safeCause, tlsFailure } from './failure.js';
import { http2OnlyAdvice, http2OnlyFailure } from './http2-only.js';
import { ResponseTooLargeError } from './read-body.js';

export interface FailedAttempt {
  operation: OperationId | undefined;
  /** `UpdateDomainHttpsCert to https://host`, for the messages. */
  where: string;
  host: string;
  /** The request's origin (`https://host:port`) and method. */
  origin: string;
  method: string;
  attempts: number;
  /** The attempt ran out of its time (the transport's own timeout, not the caller's abort). */
  timedOut: boolean;
  timeoutMs: number;
  /** Whether a retry is left. */
  canRetry: boolean;
  /** The caller's signal, aborted or not. */
  caller: AbortSignal | undefined;
  secrets: readonly string[];
}

export interface FailureVerdict {
  /** One sanitised line for the log: what happened. */
  described: string;
  /** The error to throw; undefined: try again. */
  error?: unknown;
}

export function judgeFailure(error: unknown, attempt: FailedAttempt): FailureVerdict {
  const { caller, secrets, where, operation, attempts } = attempt;
  const described = describeFailure(caller?.aborted ? caller.reason : error, secrets);
  if (caller?.aborted) return { described, error: caller.reason };
  const cause = safeCause(error, secrets);
  if (error instanceof ResponseTooLargeError) {
    return { described, error: new LiveNetworkError(`${where}: ${error.message}`, { cause, operation, attempts }) };
  }
  const http2Only = http2OnlyFailure(error);
  if (http2Only) {
    return {
      described,
      error: http2OnlyError(attempt.origin, attempt.method, operation, attempts, http2Only, cause, secrets),
    };
  }
  const tls = tlsFailure(error, attempt.host);
  if (tls) {
    // A certificate problem does not heal by asking again.
    return {
      described,
      error: new LiveTlsError(serverText(`${where} failed: ${tls.advice}; not retried`, secrets, 1024), {
        cause,
        operation,
        attempts,
        code: tls.code,
      }),
    };
  }
  if (error instanceof ProxyRefusedError) {
    // The proxy said no (auth, policy): asking again would only repeat it.
    return {
      described,
      error: new LiveProxyError(serverText(`${where}: ${error.message}`, secrets, 1024), {
        cause,
        operation,
        attempts,
        proxy: error.proxy,
        status: error.status,
      }),
    };
  }
  if (attempt.canRetry) return { described };
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  if (attempt.timedOut) {
    return {
      described,
      error: new LiveTimeoutError(
        `${where} timed out after ${attempt.timeoutMs} ms (${tries}); raise the timeout or check the network`,
        { cause, operation, attempts, timeoutMs: attempt.timeoutMs },
      ),
    };
  }
  return {
    described,
    error: new LiveNetworkError(`${where} failed (${tries}): ${describeFailure(error, secrets)}`, {
      cause,
      operation,
      attempts,
    }),
  };
}

/** The one error for an endpoint that speaks only HTTP/2, whatever the sender met (see http2-only.ts). */
export function http2OnlyError(
  requestOrigin: string,
  method: string,
  operation: OperationId | undefined,
  attempts: number,
  evidence: string,
  cause: Error | undefined,
  secrets: readonly string[],
): LiveHttp2OnlyError {
  const origin = serverText(requestOrigin, secrets, 512);
  const where = `${operation ?? method} to ${origin}`;
  return new LiveHttp2OnlyError(serverText(`${where} failed: ${http2OnlyAdvice(origin, evidence)}`, secrets, 1024), {
    cause,
    operation,
    attempts,
    endpoint: origin,
    evidence,
  });
}
