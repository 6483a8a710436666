// The values of a request body's sensitive fields (the spec's `x-sensitive` marks, generated into
// SENSITIVE_FIELDS), to redact for the call that sent them: a server may echo a private key back,
// armoured or as its bare base64, in an error or an answer.
import { SENSITIVE_FIELDS } from '../../generated/sensitive-fields.js';

const SENSITIVE: ReadonlySet<string> = new Set(SENSITIVE_FIELDS);
/** Shorter values would match innocent text (the same floor as redact's). */
const MIN_VALUE = 8;
const PEM_ARMOUR = /-----(BEGIN|END) [A-Z0-9 ]+-----/g;

function collect(value: unknown, out: string[], depth: number): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (SENSITIVE.has(key) && typeof inner === 'string' && inner.length >= MIN_VALUE) {
      out.push(inner);
      // The key's base64 without armour and line breaks: how a careless server prints it.
      const bare = inner.replace(PEM_ARMOUR, '').replace(/\s+/g, '');
      if (bare !== inner && bare.length >= MIN_VALUE) out.push(bare);
    } else collect(inner, out, depth + 1);
  }
}

/** The sensitive values of a parsed body (any depth), each also without PEM armour and whitespace. */
export function sensitiveValuesOf(body: unknown): string[] {
  const out: string[] = [];
  collect(body, out, 0);
  return out;
}

/** The same for a body as sent (JSON bytes); nothing for a body that is not JSON. */
export function sensitiveValuesOfBytes(body: Uint8Array | undefined): string[] {
  if (!body || body.byteLength === 0) return [];
  try {
    return sensitiveValuesOf(JSON.parse(new TextDecoder().decode(body)));
  } catch {
    return [];
  }
}
