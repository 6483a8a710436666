// How many attempts produced a response: the transport sets it on the Response it returns (see
// transport/live-transport.ts), so the count travels with the response itself, no side table.

/** A Response that says how many attempts it took. */
export interface Attempted {
  readonly attempts?: number;
}

/** How many attempts produced this response (1 when it came first time, or when it did not say). */
export function attemptsOf(response: Response): number {
  const attempts = (response as Response & Attempted).attempts;
  return typeof attempts === 'number' ? attempts : 1;
}

/** Marks a response with its attempt count (a read-only own property). */
export function withAttempts<R extends Response>(response: R, attempts: number): R & Attempted {
  return Object.defineProperty(response, 'attempts', { value: attempts, enumerable: false }) as R & Attempted;
}
