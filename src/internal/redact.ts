// Removes known secret values from text that came from elsewhere (a gateway echoing a canonical
// request may include a signed security token) before it goes into an error.

export const REDACTED = '[REDACTED]';

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Short values would match innocent text; real keys and tokens are long.
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out.replace(/-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g, `[REDACTED PRIVATE KEY]`);
}
