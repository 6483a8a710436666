// PEM text as users have it: with a byte-order mark, Windows line endings, several blocks.

export interface NormalizedPem {
  text: string;
  /** What was changed, for an info finding. */
  changes: string[];
}

export function normalizePem(input: string): NormalizedPem {
  const changes: string[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    changes.push('removed a byte-order mark');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    changes.push('converted CRLF line endings to LF');
  }
  const trimmed = `${text.trim()}\n`;
  return { text: trimmed === '\n' ? '' : trimmed, changes };
}

export interface PemBlock {
  label: string;
  text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK)].map((m) => ({ label: m[1]!, text: m[0] }));
}

/** True when bytes look like binary DER rather than PEM text (an ASN.1 SEQUENCE, or NULs). */
export function looksLikeDer(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x80) || bytes.includes(0);
}
