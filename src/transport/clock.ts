// The gateway refuses an X-Sdk-Date more than about 15 minutes from its own clock. When it
// refuses a signature (401) and its Date header shows the local clock is off, later signatures use
// the server's time. Only then: any other response's Date is not evidence about our signature,
// and a hostile or broken server could otherwise move the clock for every later request.

/** A correction smaller than this is noise (Date has 1 s resolution, plus latency). */
export const SKEW_THRESHOLD_MS = 3 * 60 * 1000;
/** A server claiming a larger skew is not believed (time zones are at most 14 h apart; a day covers a wrong date too). */
export const MAX_SKEW_MS = 24 * 60 * 60 * 1000;

export class ServerClock {
  private offsetMs = 0;
  constructor(private readonly localNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.localNow() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /**
   * Takes the Date header of a response that refused the signature (a 401) into account; true
   * when it changed the offset. An unreadable date or an absurd skew changes nothing.
   */
  observeRejection(dateHeader: string | null): boolean {
    if (!dateHeader) return false;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return false;
    const skew = server - this.localNow();
    if (Math.abs(skew) > MAX_SKEW_MS) return false;
    if (Math.abs(skew - this.offsetMs) <= SKEW_THRESHOLD_MS) return false;
    this.offsetMs = Math.abs(skew) <= SKEW_THRESHOLD_MS ? 0 : skew;
    return true;
  }
}
