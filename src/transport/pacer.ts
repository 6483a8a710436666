// The gateway allows 150 calls a minute per user for this API group and answers 429 APIG.0308
// beyond it. A client paces the start of every request it sends (retries and the read of a
// read-compare-write included, whatever the sender): starts are at least 60 000 / requestsPerMinute
// ms apart, so any 10-second window holds at most requestsPerMinute / 6 + 1 of them. After a
// throttled answer the pace is halved for 60 s. The wait is not part of an attempt's timeout.
import { ConfigurationError } from '../errors.js';

export const DEFAULT_REQUESTS_PER_MINUTE = 120;
/** How long a throttled answer halves the pace. */
export const THROTTLE_SLOWDOWN_MS = 60_000;

/** The clock pacing and retry waits use; real time by default, a fake or scaled one in tests and benchmarks. */
export interface Timers {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal | undefined): Promise<void>;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface Pacer {
  /**
   * Waits for this request's turn to start (at once when pacing is off). Resolves with how long
   * the pace held it (ms, its queue behind earlier turns included), 0 when it did not have to
   * wait: the time other work took before its turn came is not a pacing wait.
   */
  turn(signal?: AbortSignal | undefined): Promise<number>;
  /** A throttled answer: the pace is halved for the next 60 s. */
  throttled(): void;
  /** The spacing between starts now, in ms (0 when off). */
  readonly intervalMs: number;
  /** Requests started so far. */
  readonly started: number;
}

export function checkRequestsPerMinute(value: unknown, option = 'requestsPerMinute'): number {
  if (value === undefined) return DEFAULT_REQUESTS_PER_MINUTE;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100_000) {
    throw new ConfigurationError(
      option,
      `${option} must be a number from 0 (no pacing) to 100000, got ${typeof value === 'number' ? value : typeof value}; the gateway allows 150 a minute per user`,
    );
  }
  return value;
}

export function createPacer(requestsPerMinute: number, timers: Timers = realTimers): Pacer {
  const base = requestsPerMinute > 0 ? 60_000 / requestsPerMinute : 0;
  // The actual start time of the last request that took a turn: each waits for the one before it
  // and starts one interval after that one really started (a late start never lets the next come early).
  let last: Promise<number> = Promise.resolve(Number.NEGATIVE_INFINITY);
  let slowUntil = Number.NEGATIVE_INFINITY;
  let started = 0;
  const interval = () => (base > 0 && timers.now() < slowUntil ? base * 2 : base);
  return {
    async turn(signal) {
      if (base === 0) {
        started++;
        return 0;
      }
      const queued = timers.now();
      const previous = last;
      let settle!: (value: number | Promise<number>) => void;
      last = new Promise<number>((resolve) => (settle = resolve));
      let wait: number;
      try {
        const before = await previous;
        wait = before + interval() - timers.now();
        if (wait > 0) await timers.sleep(wait, signal);
        if (signal?.aborted) throw signal.reason;
      } catch (error) {
        // An aborted wait gives its turn on: the next one counts from the one before.
        settle(previous);
        throw error;
      }
      started++;
      const now = timers.now();
      settle(now);
      return wait > 0 ? now - queued : 0;
    },
    throttled() {
      if (base === 0) return;
      slowUntil = timers.now() + THROTTLE_SLOWDOWN_MS;
    },
    get intervalMs() {
      return interval();
    },
    get started() {
      return started;
    },
  };
}
