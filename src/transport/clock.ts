// The gateway refuses an X-Sdk-Date more than about 15 minutes from its own clock. When a
// response's Date header shows the local clock is off, later signatures use the server's time.

/** A correction smaller than this is noise (Date has 1 s resolution, plus latency). */
export const SKEW_THRESHOLD_MS = 3 * 60 * 1000;

export class ServerClock {
  private offsetMs = 0;
  constructor(private readonly localNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.localNow() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Takes a Date header into account; true when it changed the offset. */
  observe(dateHeader: string | null): boolean {
    if (!dateHeader) return false;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return false;
    const skew = server - this.localNow();
    if (Math.abs(skew - this.offsetMs) <= SKEW_THRESHOLD_MS) return false;
    this.offsetMs = Math.abs(skew) <= SKEW_THRESHOLD_MS ? 0 : skew;
    return true;
  }
}
