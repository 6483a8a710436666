// SDK-HMAC-SHA256 (and SDK-HMAC-SM3), the AK/SK signatures of Huawei Cloud's API gateway.
import type { SignableRequest } from '../transport/outgoing.js';
import type { AkSkCredentials } from './credentials.js';

export type { SignableRequest };
import { canonicalHeaders, canonicalRequest, formatSdkDate, stringToSign } from './canonical.js';
import { type AlgorithmDigest, digestFor, type SigningAlgorithm, type SigningHash, sha256Digest } from './hash.js';

export type RequestSigner = (request: SignableRequest, date: Date) => Promise<void>;

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
}

const encoder = new TextEncoder();

/**
 * The signature of one request. Shared by the signer and by anything that verifies a signature
 * the way the gateway does (it recomputes from what it received). `digest` picks the algorithm.
 */
export async function computeSignature(
  input: SignatureInput,
  hmac: (data: Uint8Array) => Promise<string> | string,
  digest: AlgorithmDigest = sha256Digest(),
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
  return { signature: await hmac(encoder.encode(toSign)), signedHeaders, canonicalRequest: text };
}

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
    const { headers } = request;
    headers['x-sdk-date'] = formatSdkDate(date);
    if (securityToken) headers['x-security-token'] = securityToken;
    // `host` is signed but set by the HTTP layer itself (browsers forbid setting it).
    const signing = { ...headers, host: request.url.host };
    const signed = Object.keys(signing).filter((name) => !UNSIGNED.has(name));
    const { signature, signedHeaders } = await computeSignature(
      { method: request.method, url: request.url, headers: signing, signedHeaders: signed, body: request.body },
      hmac,
      digest,
    );
    headers['authorization'] =
      `${digest.algorithm} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  };
}
