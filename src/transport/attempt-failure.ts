// What an attempt that got no answer comes to: the error to throw (a body too large, a TLS
// certificate problem, a refusing proxy, a timeout, a network failure) or another try. Loaded by
// the transport the first time an attempt fails, so this wording is not part of what a program
// loads to send.
import { LiveNetworkError, LiveProxyError, LiveTimeoutError, LiveTlsError, type OperationId } from '../errors.js';
import { serverText } from '../internal/server-text.js';
import { ProxyRefusedError } from '../proxy-agents/proxy-refused.js';
import { describeFailure, safeCause, tlsFailure } from './failure.js';
import { ResponseTooLargeError } from './read-body.js';

export interface FailedAttempt {
  operation: OperationId | undefined;
  /** `UpdateDomainHttpsCert to https://host`, for the messages. */
  where: string;
  host: string;
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
