// SDK-HMAC-SHA256 (and SDK-HMAC-SM3), the AK/SK signatures of Huawei Cloud's API gateway: the
// signer of one access key (checked and prepared at once; the arithmetic loaded at its first use).
import type { SignableRequest, SignedText } from '../transport/outgoing.js';
import type { AkSkCredentials } from './credentials.js';

export type { SignableRequest };
import { digestFor, type SigningAlgorithm, type SigningHash } from './hash.js';
import type * as Signing from './signature.js';

type SignatureModule = typeof Signing;

export type { Signature, SignatureInput } from './signature.js';

// The signature's arithmetic (canonical request, string to sign) is loaded at the first signature.
let signatureModule: Promise<SignatureModule> | undefined;
const loadSignature = () =>
  (signatureModule ??= import('./signature.js').catch((error: unknown) => {
    signatureModule = undefined;
    throw error;
  }));

const encoder = new TextEncoder();

export type RequestSigner = (request: SignableRequest, date: Date) => Promise<void>;

// Headers a transport may add or rewrite on its own after signing; signing them would break.
// The User-Agent is signed when the client set one (Node), as the official SDKs sign theirs; in
// browsers the client sets none, so the browser's own is neither sent by us nor signed.
const UNSIGNED = new Set(['authorization', 'content-length', 'connection', 'accept', 'accept-encoding']);

/**
 * A signer for one access key. The credentials are copied now: changing the object later changes
 * nothing (to rotate keys, create a new client or give the client a credentials provider).
 */
export function createAkSkSigner(
  credentials: AkSkCredentials,
  hash?: SigningHash,
  algorithm: SigningAlgorithm = 'SDK-HMAC-SHA256',
): RequestSigner {
  const { accessKey, secretKey, securityToken } = credentials;
  const digest = digestFor(algorithm, hash);
  const hmac = digest.hmacHex(encoder.encode(secretKey));
  return async (request, date) => {
    const { computeSignature, formatSdkDate } = await loadSignature();
    const { headers } = request;
    headers['x-sdk-date'] = formatSdkDate(date);
    if (securityToken) headers['x-security-token'] = securityToken;
    // `host` is signed but set by the HTTP layer itself (browsers forbid setting it).
    const signing = { ...headers, host: request.url.host };
    const signed = Object.keys(signing).filter((name) => !UNSIGNED.has(name));
    const { signature, signedHeaders, canonicalRequest, stringToSign } = await computeSignature(
      { method: request.method, url: request.url, headers: signing, signedHeaders: signed, body: request.body },
      hmac,
      digest,
    );
    headers['authorization'] =
      `${digest.algorithm} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    // Kept for the debug call log (log/call-log.ts), which shows them masked instead of computing
    // them again: it would need the hashes (hash.ts), which the client's start graph holds. Not
    // enumerable: the canonical request holds a signed security token in clear, and a caller's
    // sender or log that prints the request without its secret headers must not print it here.
    const text: SignedText = { canonicalRequest, stringToSign };
    Object.defineProperty(request, 'signed', { value: text, enumerable: false, writable: true, configurable: true });
  };
}
