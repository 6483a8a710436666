// The arithmetic of SDK-HMAC-SHA256 (and SDK-HMAC-SM3) signatures: the canonical request, the
// string to sign, the HMAC. Loaded by the signer at its first signature (auth/aksk-signer.ts);
// anything that verifies a signature the way the gateway does uses it directly.
import { canonicalHeaders, canonicalRequest, stringToSign } from './canonical.js';

export { formatSdkDate } from './canonical.js';
import type { AlgorithmDigest } from './hash.js';

export interface SignatureInput {
  method: string;
  url: URL;
  /** Lowercase names; must hold every signed header (`host` included) and `x-sdk-date`. */
  headers: Readonly<Record<string, string>>;
  signedHeaders: readonly string[];
  body: Uint8Array | undefined;
}

export interface Signature {
  signature: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

const encoder = new TextEncoder();

/**
 * The signature of one request. Shared by the signer and by anything that verifies a signature
 * the way the gateway does (it recomputes from what it received). `digest` picks the algorithm
 * (hash.ts: sha256Digest, sm3Digest, digestFor); it is handed in, not imported, as this module
 * loads at the first signature and a browser chunk it shared with the start graph would cost.
 */
export async function computeSignature(
  input: SignatureInput,
  hmac: (data: Uint8Array) => Promise<string> | string,
  digest: AlgorithmDigest,
): Promise<Signature> {
  const { canonical, signedHeaders } = canonicalHeaders(input.headers, input.signedHeaders);
  const payloadHash =
    input.headers[digest.contentHeader] === 'UNSIGNED-PAYLOAD'
      ? 'UNSIGNED-PAYLOAD'
      : input.body && input.body.byteLength > 0
        ? await digest.hashHex(input.body)
        : digest.emptyBodyHex;
  const text = canonicalRequest({
    method: input.method,
    url: input.url,
    canonicalHeaders: canonical,
    signedHeaders,
    payloadHash,
  });
  const toSign = stringToSign(
    input.headers['x-sdk-date'] ?? '',
    await digest.hashHex(encoder.encode(text)),
    digest.algorithm,
  );
  return { signature: await hmac(encoder.encode(toSign)), signedHeaders, canonicalRequest: text, stringToSign: toSign };
}
