// What a debug record may show of a request or a response: headers with every credential
// replaced by `***` (the signature of Authorization, tokens, cookies, proxy credentials), JSON
// bodies with every field the spec marks `x-sensitive` replaced (the list is generated), and
// all of it through the same sanitiser as errors (secrets redacted, controls stripped, cut).
import { SENSITIVE_FIELDS, SENSITIVE_HEADERS } from '../../generated/sensitive-fields.js';
import { MIN_FRAGMENT } from '../internal/redact.js';
import { serverLines, serverText } from '../internal/server-text.js';

export const MASK = '***';
/** How much of a body a debug record keeps. */
const KEEP_BODY = 4096;
const KEEP_HEADER = 1024;

const SENSITIVE_FIELD_SET: ReadonlySet<string> = new Set(SENSITIVE_FIELDS);
// The spec's sensitive header parameters, and the HTTP ones no spec lists: they carry
// credentials whatever the API (a proxy's, a cookie, a server echoing our token back).
const MASKED_HEADERS: ReadonlySet<string> = new Set([
  ...SENSITIVE_HEADERS,
  'x-auth-token',
  'x-security-token',
  'x-subject-token',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);
const SIGNED_AUTHORIZATION = /^(SDK-HMAC-[A-Z0-9]+) Access=([^,\s]*), SignedHeaders=([a-z0-9;-]*), Signature=\S*$/i;

/** Text for a record: the one sanitiser (echoed signatures and secrets redacted, controls stripped, cut). */
function logText(text: string, secrets: readonly string[], max: number): string {
  return serverText(text, secrets, max);
}

/** The access key is an identifier, not a secret, but a log needs only enough of it to tell keys apart. */
function shortAccessKey(accessKey: string): string {
  return accessKey.length > 8 ? `${accessKey.slice(0, 4)}${MASK}` : MASK;
}

/** Authorization with its signature (and most of the access key) hidden; any other scheme is hidden whole. */
export function maskAuthorization(value: string): string {
  const signed = SIGNED_AUTHORIZATION.exec(value.trim());
  if (!signed) return MASK;
  return `${signed[1]} Access=${shortAccessKey(signed[2]!)}, SignedHeaders=${signed[3]}, Signature=${MASK}`;
}

/** Headers as a log shows them: credentials masked, every value sanitised. */
export function logHeaders(
  headers: Iterable<readonly [string, string]>,
  secrets: readonly string[],
): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [rawName, value] of headers) {
    const name = serverText(rawName.toLowerCase(), [], 128);
    const masked = name === 'authorization' ? maskAuthorization(value) : MASKED_HEADERS.has(name) ? MASK : value;
    const safe = logText(masked, secrets, KEEP_HEADER);
    shown[name] = name in shown ? `${shown[name]}, ${safe}` : safe;
  }
  return shown;
}

/** A copy of a parsed JSON value with every sensitive field's value replaced, at any depth. */
function maskFields(value: unknown, found: string[], depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskFields(item, found, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (SENSITIVE_FIELD_SET.has(key) && inner !== '' && inner !== null && inner !== undefined) {
      // The values themselves join the call's redaction list: a server echoing one back is caught.
      if (typeof inner === 'string' && inner.length >= MIN_FRAGMENT) found.push(inner);
      out[key] = MASK;
    } else out[key] = maskFields(inner, found, depth + 1);
  }
  return out;
}

/**
 * A body as a debug record shows it: JSON with its sensitive fields masked (their values are
 * added to `found`), anything else as text; then redacted, stripped and cut like server text.
 */
export function logBody(
  body: Uint8Array | string | undefined,
  secrets: readonly string[],
  found: string[] = [],
): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body.subarray(0, 4 * KEEP_BODY));
  if (text === '') return '';
  let shown = text;
  try {
    shown = JSON.stringify(maskFields(JSON.parse(text), found));
  } catch {
    // Not JSON (or cut): shown as text, private keys and secrets still redacted below.
  }
  return logText(shown, [...secrets, ...found], KEEP_BODY);
}

/** A canonical request with the values of credential headers (a signed security token) masked. */
export function maskCanonicalRequest(text: string, secrets: readonly string[]): string {
  const masked = text
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon > 0 && MASKED_HEADERS.has(line.slice(0, colon)) ? `${line.slice(0, colon)}:${MASK}` : line;
    })
    .join('\n');
  return serverLines(masked, secrets, 8192);
}
