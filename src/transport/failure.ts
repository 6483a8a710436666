// What a failed attempt says, made safe to keep: the runtime's errors can carry server bytes
// (undici's parser errors keep the unparsed data, node's the raw packet), so an error's cause is
// a fresh Error with only a sanitised name, message and code, never the runtime's object.
import { serverText } from '../internal/server-text.js';

const KEEP_MESSAGE = 512;
const MAX_DEPTH = 4;

interface Coded {
  code?: unknown;
  cause?: unknown;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as Coded | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The causes of an error, itself first. */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < MAX_DEPTH; e = (e as Coded).cause, depth++)
    out.push(e);
  return out;
}

/** A copy of the error, and of its causes, holding only sanitised text. */
export function safeCause(error: unknown, secrets: readonly string[], depth = 0): Error {
  if (!(error instanceof Error)) return new Error(serverText(String(error), secrets, KEEP_MESSAGE));
  const inner =
    depth + 1 < MAX_DEPTH && error.cause !== undefined ? safeCause(error.cause, secrets, depth + 1) : undefined;
  const copy = new Error(serverText(error.message, secrets, KEEP_MESSAGE), inner ? { cause: inner } : undefined);
  copy.name = serverText(error.name, secrets, 64);
  const code = codeOf(error);
  if (code) (copy as Coded).code = serverText(code, secrets, 64);
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

/** One line for a message: the error's message with its first code, or its cause's message. */
export function describeFailure(error: unknown, secrets: readonly string[]): string {
  if (!(error instanceof Error)) return serverText(String(error), secrets, KEEP_MESSAGE);
  const code = chain(error)
    .map(codeOf)
    .find((c) => c !== undefined);
  const inner = error.cause instanceof Error ? error.cause.message : undefined;
  return serverText([error.message, code ?? inner].filter(Boolean).join(': '), secrets, KEEP_MESSAGE);
}

// What Node (OpenSSL) reports when a certificate check fails. None of them heal by retrying.
const UNTRUSTED = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_REVOKED',
]);
const OUT_OF_DATE = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
]);
const WRONG_NAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

export interface TlsFailure {
  code: string;
  /** What went wrong and what to do, for the message. */
  advice: string;
}

/** The TLS certificate problem behind a failed attempt, if that is what it was. */
export function tlsFailure(error: unknown, host: string): TlsFailure | undefined {
  for (const e of chain(error)) {
    const code = codeOf(e);
    if (!code) continue;
    const reason = `${code}: ${e instanceof Error ? e.message : ''}`.replace(/: $/, '');
    if (UNTRUSTED.has(code)) {
      return {
        code,
        advice: `the TLS certificate of ${host} is not trusted (${reason}); if the endpoint (or a TLS-inspecting proxy) uses a private CA, give Node its certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, otherwise check the endpoint`,
      };
    }
    if (OUT_OF_DATE.has(code)) {
      return {
        code,
        advice: `the TLS certificate of ${host} is expired or not yet valid (${reason}); check the machine clock and the endpoint (NODE_EXTRA_CA_CERTS, for a private CA, does not change this)`,
      };
    }
    if (WRONG_NAME.has(code)) {
      return {
        code,
        advice: `the TLS certificate of ${host} is not issued for that name (${reason}); check the endpoint's host name (NODE_EXTRA_CA_CERTS, for a private CA, does not change this)`,
      };
    }
    if (code.startsWith('ERR_SSL_')) {
      return {
        code,
        advice: `the TLS handshake with ${host} failed (${reason}); check that the endpoint speaks https on that port (and NODE_EXTRA_CA_CERTS if a private CA is involved)`,
      };
    }
  }
  return undefined;
}
