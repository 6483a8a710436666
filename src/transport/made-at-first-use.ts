// A sender whose module is loaded at its first request: what a program that never sends does not load.
import type { Sender } from './sender.js';

/** A sender made at its first request (its module loaded then); a failed load is tried again. */
export function madeAtFirstUse(make: () => Promise<Sender>): Sender {
  let made: Promise<Sender> | undefined;
  return async (request, signal, bodyLimit) => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return (await made)(request, signal, bodyLimit);
  };
}
