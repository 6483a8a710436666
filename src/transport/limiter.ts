// At most `max` requests of one client on the wire at once, whatever the sender: fetch has no
// per-origin socket cap of its own on Node, so 1,000 concurrent calls would open 1,000 sockets.
// Waiting for a turn counts against the attempt's timeout and ends at once on abort.

export interface Limiter {
  /** Resolves with a release function once a slot is free; rejects with the signal's reason on abort. */
  acquire(signal: AbortSignal): Promise<() => void>;
}

interface Waiter {
  grant: () => void;
  signal: AbortSignal;
  onAbort: () => void;
}

export function createLimiter(max: number): Limiter {
  let active = 0;
  const queue: Waiter[] = [];

  const release = () => {
    active--;
    const next = queue.shift();
    if (next) {
      next.signal.removeEventListener('abort', next.onAbort);
      active++;
      next.grant();
    }
  };
  const once = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };

  return {
    acquire(signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (active < max) {
        active++;
        return Promise.resolve(once());
      }
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          grant: () => resolve(once()),
          signal,
          onAbort: () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal.reason);
          },
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
      });
    },
  };
}
