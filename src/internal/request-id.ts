// The one reader of a response's X-Request-Id (IAM's X-IAM-Trace-Id where asked): server text,
// so it is redacted, stripped and cut like any other before anyone keeps it.
import { serverText } from './server-text.js';

const KEEP = 128;

export function requestIdOf(
  headers: { get(name: string): string | null },
  secrets: readonly string[],
  names: readonly string[] = ['x-request-id'],
): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) return serverText(value, secrets, KEEP);
  }
  return undefined;
}
