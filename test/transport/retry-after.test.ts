// Retry-After exactly as RFC 9110 10.2.3 has it: delay-seconds or an HTTP-date (IMF-fixdate, or
// the obsolete RFC 850 and asctime forms a recipient must accept); anything else is unreadable.
import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from '../../src/transport/retry-policy.js';

const NOW = Date.UTC(2026, 10, 28, 14, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    ['007', 7000],
    ['Sat, 28 Nov 2026 14:00:30 GMT', 30_000],
    ['Saturday, 28-Nov-26 14:00:30 GMT', 30_000],
    ['Sat Nov 28 14:00:30 2026', 30_000],
    ['Sat Nov  8 14:00:30 2026', 0],
    ['Fri, 27 Nov 2026 14:00:00 GMT', 0],
  ])('%s -> %i ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([
    '1.5',
    '-5',
    '1 2',
    '+5',
    '5s',
    '',
    ' ',
    '0x10',
    '1e3',
    'soon',
    'Sat, 28 Nov 2026 14:00:30',
    'Sat, 28 Nov 2026 14:00:30 UTC',
    'Sat, 28 Nov 2026 25:00:00 GMT',
    'Sat, 31 Feb 2026 14:00:30 GMT',
    '2026-11-28T14:00:30Z',
    'Thu, 01 Jan 1970 00:00:00',
    'sat, 28 nov 2026 14:00:30 gmt',
  ])('%o is not RFC 9110: undefined (backoff decides)', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('absent: undefined', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('an RFC 850 two-digit year more than 50 years ahead is in the past century', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sunday, 06-Nov-50 08:49:37 GMT', NOW)).toBe(Date.UTC(2050, 10, 6, 8, 49, 37));
  });
});
