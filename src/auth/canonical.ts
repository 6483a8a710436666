// The pieces of the SDK-HMAC-SHA256 (and SDK-HMAC-SM3) canonical request. Pure string functions, shared by the
// signer and by anything that has to recompute a signature (tests, a verifying server).

const HEX = Array.from({ length: 256 }, (_, i) => `%${i.toString(16).toUpperCase().padStart(2, '0')}`);
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
const encoder = new TextEncoder();

/** RFC 3986 percent-encoding of the UTF-8 bytes: everything but `A-Z a-z 0-9 - _ . ~`, uppercase hex. */
export function percentEncode(value: string): string {
  if (UNRESERVED.test(value)) return value;
  let out = '';
  for (const byte of encoder.encode(value)) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x5f ||
      byte === 0x2e ||
      byte === 0x7e;
    out += unreserved ? String.fromCharCode(byte) : HEX[byte];
  }
  return out;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A lone `%` is sent as is; the gateway sees the same literal.
    return value;
  }
}

/**
 * The path as the gateway canonicalises it: each segment decoded from its wire form, encoded again
 * strictly, joined with `/`, and always ending with `/`.
 */
export function canonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => percentEncode(decodeComponent(segment)))
    .join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

/** Sorted `name=value` pairs, both encoded; repeated names sorted by value; empty values kept as `name=`. */
export function canonicalQuery(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!query) return '';
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    // Form decoding (`+` is a space), as the gateway parses the query string.
    pairs.push([
      percentEncode(decodeComponent(rawName.replace(/\+/g, ' '))),
      percentEncode(decodeComponent(rawValue.replace(/\+/g, ' '))),
    ]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** `name:value\n` for each signed header (names lowercase, sorted), and the `;`-joined name list. */
export function canonicalHeaders(
  headers: Readonly<Record<string, string>>,
  signed: readonly string[],
): {
  canonical: string;
  signedHeaders: string;
} {
  const names = signed.map((name) => name.toLowerCase()).sort();
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  let canonical = '';
  for (const name of names) canonical += `${name}:${(lower[name] ?? '').trim()}\n`;
  return { canonical, signedHeaders: names.join(';') };
}

let lastSecond = NaN;
let lastText = '';

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  // Many requests are signed within one second: format each second once.
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastText = date
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    lastSecond = second;
  }
  return lastText;
}

/** The inverse of formatSdkDate; undefined when the text is not of that form. */
export function parseSdkDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

export function canonicalRequest(parts: {
  method: string;
  url: URL;
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
}): string {
  return [
    parts.method.toUpperCase(),
    canonicalUri(parts.url.pathname),
    canonicalQuery(parts.url.search),
    parts.canonicalHeaders,
    parts.signedHeaders,
    parts.payloadHash,
  ].join('\n');
}

export function stringToSign(
  sdkDate: string,
  canonicalRequestHash: string,
  algorithm: string = SIGNING_ALGORITHM,
): string {
  return `${algorithm}\n${sdkDate}\n${canonicalRequestHash}`;
}
