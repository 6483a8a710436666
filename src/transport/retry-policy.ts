// When to try again and how long to wait. All three operations are idempotent, so network
// errors and the transient statuses are retried alike.

export interface RetryTuning {
  /** First backoff ceiling; doubles each attempt. Default 250 ms. */
  baseDelayMs?: number;
  /** Largest backoff ceiling. Default 8 s. */
  maxDelayMs?: number;
  /** A longer Retry-After is not waited for: the response is returned as the result. Default 60 s. */
  maxRetryAfterMs?: number;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

const THROTTLE_CODES = new Set(['APIG.0308', 'APIGW.0308']);

/** The gateway's flow control answered: a 429, or any 4xx with its throttling code. */
export function isThrottled(status: number, errorCode: string | undefined): boolean {
  return status === 429 || (status >= 400 && status < 500 && errorCode !== undefined && THROTTLE_CODES.has(errorCode));
}

/** Huawei's advice for a throttled call: wait 2-5 s. Jittered, so a fleet's calls do not return together. */
export function throttleDelay(random: () => number = Math.random): number {
  return 2000 + Math.floor(random() * 3000);
}

/** Full jitter: a uniform delay between 0 and the exponential ceiling of this attempt. */
export function backoffDelay(attempt: number, tuning: RetryTuning, random: () => number = Math.random): number {
  const base = tuning.baseDelayMs ?? 250;
  const max = tuning.maxDelayMs ?? 8000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// RFC 9110 section 5.6.7: IMF-fixdate, and the two obsolete forms a recipient must still accept.
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

function utc(
  year: number,
  month: string,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | undefined {
  const m = MONTHS.indexOf(month);
  if (hour > 23 || minute > 59 || second > 60 || day < 1) return undefined;
  const ms = Date.UTC(year, m, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb over into March; such a date is not a date.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/** An HTTP-date (RFC 9110 5.6.7) as epoch milliseconds; undefined for anything else. */
export function parseHttpDate(text: string, nowMs: number): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[4]), m[3]!, Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  m = RFC850_DATE.exec(text);
  if (m) {
    // A two-digit year more than 50 years ahead is the most recent past year with those digits.
    const thisYear = new Date(nowMs).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(m[4]);
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[3]!, Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = ASCTIME_DATE.exec(text);
  if (m) return utc(Number(m[7]), m[2]!, Number(m[3]!.trim()), Number(m[4]), Number(m[5]), Number(m[6]));
  return undefined;
}

/**
 * Retry-After (RFC 9110 10.2.3) as milliseconds from now: delay-seconds (digits only) or an
 * HTTP-date. Undefined when absent or anything else ("1.5", "-5", "1 2"): then backoff decides.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  // Fields arrive with surrounding whitespace already removed; tolerate it anyway.
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  const date = parseHttpDate(text, nowMs);
  return date === undefined ? undefined : Math.max(0, date - nowMs);
}

/** Waits, or rejects with the signal's reason as soon as it aborts; leaves no timer behind. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
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
  });
}
