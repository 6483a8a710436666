// The in-flight cap: turns are handed over in order, an abort while waiting ends the wait at once
// and gives up the place, and a release twice frees one slot only.
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/transport/limiter.js';

const never = new AbortController().signal;

describe('createLimiter', () => {
  it('admits max at once, the next when one is released, in order', async () => {
    const limiter = createLimiter(2);
    const a = await limiter.acquire(never);
    await limiter.acquire(never);
    const order: string[] = [];
    const c = limiter.acquire(never).then((release) => (order.push('c'), release));
    const d = limiter.acquire(never).then((release) => (order.push('d'), release));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    a();
    a(); // twice: still one slot
    await c;
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['c']);
    (await c)();
    await d;
    expect(order).toEqual(['c', 'd']);
  });

  it('an abort while waiting rejects at once with the reason and gives up the place', async () => {
    const limiter = createLimiter(1);
    const first = await limiter.acquire(never);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    const after = limiter.acquire(never);
    const reason = new Error('gave up');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    first();
    await expect(after).resolves.toBeTypeOf('function');
  });

  it('an already aborted signal is refused without a slot', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.acquire(AbortSignal.abort(new Error('no')))).rejects.toThrow('no');
    await expect(limiter.acquire(never)).resolves.toBeTypeOf('function');
  });
});
