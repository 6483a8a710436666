// The signing clock moves only on a refusal (401) whose Date shows a plausible skew.
import { describe, expect, it } from 'vitest';
import { MAX_SKEW_MS, ServerClock, SKEW_THRESHOLD_MS } from '../../src/transport/clock.js';

const NOW = Date.UTC(2026, 10, 28, 14, 0, 0);
const at = (ms: number) => new Date(NOW + ms).toUTCString();

describe('ServerClock.observeRejection', () => {
  it('an hour ahead: the offset becomes an hour', () => {
    const clock = new ServerClock(() => NOW);
    expect(clock.observeRejection(at(3_600_000))).toBe(true);
    expect(clock.offset).toBe(3_600_000);
    expect(clock.now().getTime()).toBe(NOW + 3_600_000);
  });

  it.each([
    ['year 0001', 'Sat, 01 Jan 0001 00:00:00 GMT'],
    ['year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT'],
    ['a day and a second ahead', at(MAX_SKEW_MS + 1000)],
    ['unreadable', 'yesterday'],
    ['within the noise', at(SKEW_THRESHOLD_MS - 1000)],
  ])('%s: no change', (_label, date) => {
    const clock = new ServerClock(() => NOW);
    expect(clock.observeRejection(date)).toBe(false);
    expect(clock.offset).toBe(0);
  });

  it('a later refusal with a sane Date brings a corrected clock back', () => {
    const clock = new ServerClock(() => NOW);
    clock.observeRejection(at(-7_200_000));
    expect(clock.observeRejection(at(0))).toBe(true);
    expect(clock.offset).toBe(0);
  });
});
