// The transport's option rules, checked once here for the client and for each call.
import { ConfigurationError } from '../errors.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 2;
/** Requests in flight at once per client, and the node:http sender's sockets per origin. */
export const DEFAULT_MAX_SOCKETS = 64;
/** The longest timer JavaScript runtimes keep: a longer one fires after 1 ms. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A timeout in milliseconds: positive, finite and at most 2**31-1 (about 24.8 days). */
export function checkTimeout(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw new ConfigurationError(
      option,
      `${option} must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS} (about 24.8 days), got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
  return value;
}

/** A caller's signal must be a real AbortSignal (or alike): anything else fails deep inside a call. */
export function checkSignal(value: unknown, option = 'signal'): AbortSignal | undefined {
  if (value === undefined || value === null) return undefined;
  const signal = value as Partial<AbortSignal>;
  if (
    typeof signal !== 'object' ||
    typeof signal.aborted !== 'boolean' ||
    typeof signal.addEventListener !== 'function' ||
    typeof signal.removeEventListener !== 'function'
  ) {
    throw new ConfigurationError(
      option,
      `${option} must be an AbortSignal (from new AbortController().signal or AbortSignal.timeout(ms)), got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as AbortSignal;
}

/** Sockets per origin for the node:http sender. */
export function checkMaxSockets(value: unknown, option = 'maxSockets'): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new ConfigurationError(
      option,
      `${option} must be a whole number from 1 to 65535, got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
  return value;
}

/** Retries after the first attempt: a whole number from 0 to 10 (the exported createTransport checks it). */
export function checkRetries(value: unknown, option = 'retries'): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
    throw new ConfigurationError(option, `${option} must be a whole number from 0 to 10, got ${String(value)}`);
  }
  return value;
}
