// Removes secrets from text that came from elsewhere (a gateway echoing a canonical request may
// include a signed security token; an error_msg may echo a token or a request's signature) before
// it goes anywhere.
// Always redact before cutting: a cut first can leave most of a long token in place.

export const REDACTED = '[REDACTED]';

/** Short values would match innocent text; real keys and tokens are long. */
const MIN_SECRET = 8;
/** A piece of a secret this long is still worth hiding (a server or a cut may have split it). */
export const MIN_FRAGMENT = 16;

const PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g;

/** Ranges of `text` that hold a MIN_FRAGMENT-long (or longer) piece of any secret. */
function fragmentRanges(text: string, secrets: readonly string[]): [number, number][] {
  const pieces = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_FRAGMENT) continue;
    for (let i = 0; i + MIN_FRAGMENT <= secret.length; i++) pieces.add(secret.slice(i, i + MIN_FRAGMENT));
  }
  const ranges: [number, number][] = [];
  if (pieces.size === 0) return ranges;
  for (let i = 0; i + MIN_FRAGMENT <= text.length; i++) {
    if (!pieces.has(text.slice(i, i + MIN_FRAGMENT))) continue;
    const last = ranges[ranges.length - 1];
    if (last && i <= last[1]) last[1] = i + MIN_FRAGMENT;
    else ranges.push([i, i + MIN_FRAGMENT]);
  }
  return ranges;
}

// A request signature echoed back (a gateway or proxy printing the Authorization header): it is
// valid for its request for minutes, so its value is never shown; `Signature=` stays as a clue.
const SIGNATURE_VALUE = /(Signature=)[0-9a-f]{16,}/gi;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(SIGNATURE_VALUE, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET) out = out.split(secret).join(REDACTED);
  }
  // Whatever is left of a secret that arrived cut (by the server, or by a read limit).
  const ranges = fragmentRanges(out, secrets);
  for (let r = ranges.length - 1; r >= 0; r--) {
    const [start, end] = ranges[r]!;
    out = `${out.slice(0, start)}${REDACTED}${out.slice(end)}`;
  }
  return out.replace(PRIVATE_KEY, '[REDACTED PRIVATE KEY]');
}
