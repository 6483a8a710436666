// The one rule for a certificate's validity window and the warning before it ends, shared by the
// pre-flight (`check`, `update`) and `status`.

/** A certificate that expires within this many days needs attention (pre-flight warning, status). */
export const DEFAULT_WARN_DAYS = 30;

const DAY = 24 * 60 * 60 * 1000;

export type ValidityState = 'not-yet-valid' | 'expired' | 'expiring' | 'valid';

export interface Validity {
  state: ValidityState;
  /** Whole days from now to notAfter; negative once expired. */
  daysLeft: number;
}

export function validityOf(
  notBefore: Date,
  notAfter: Date,
  now: Date = new Date(),
  warnDays: number = DEFAULT_WARN_DAYS,
): Validity {
  const left = notAfter.getTime() - now.getTime();
  const daysLeft = Math.floor(left / DAY);
  const state: ValidityState =
    now.getTime() < notBefore.getTime()
      ? 'not-yet-valid'
      : left < 0
        ? 'expired'
        : left < warnDays * DAY
          ? 'expiring'
          : 'valid';
  return { state, daysLeft };
}
