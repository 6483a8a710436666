// SDK-HMAC-SHA256, the AK/SK signature of Huawei Cloud's API gateway.
import type { AkSkCredentials } from './credentials.js';
import {
  canonicalHeaders,
  canonicalRequest,
  EMPTY_BODY_SHA256,
  formatSdkDate,
  SIGNING_ALGORITHM,
  stringToSign,
} from './canonical.js';
import { defaultHash, type SigningHash } from './hash.js';

/** What the signer needs of a request; `headers` has lowercase names and is updated in place. */
export interface SignableRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

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
 * the way the gateway does (it recomputes from what it received).
 */
export async function computeSignature(
  input: SignatureInput,
  hmac: (data: Uint8Array) => Promise<string> | string,
  hash: SigningHash = defaultHash(),
): Promise<Signature> {
  const { canonical, signedHeaders } = canonicalHeaders(input.headers, input.signedHeaders);
  const payloadHash =
    input.headers['x-sdk-content-sha256'] === 'UNSIGNED-PAYLOAD'
      ? 'UNSIGNED-PAYLOAD'
      : input.body && input.body.byteLength > 0
        ? await hash.sha256Hex(input.body)
        : EMPTY_BODY_SHA256;
  const text = canonicalRequest({ method: input.method, url: input.url, canonicalHeaders: canonical, signedHeaders, payloadHash });
  const toSign = stringToSign(input.headers['x-sdk-date'] ?? '', await hash.sha256Hex(encoder.encode(text)));
  return { signature: await hmac(encoder.encode(toSign)), signedHeaders, canonicalRequest: text };
}

// Headers a transport may add or rewrite on its own after signing; signing them would break.
const UNSIGNED = new Set(['authorization', 'user-agent', 'content-length', 'connection', 'accept-encoding']);

export function createAkSkSigner(credentials: AkSkCredentials, hash: SigningHash = defaultHash()): RequestSigner {
  const hmac = hash.hmacSha256Hex(encoder.encode(credentials.secretKey));
  return async (request, date) => {
    const { headers } = request;
    headers['x-sdk-date'] = formatSdkDate(date);
    if (credentials.securityToken) headers['x-security-token'] = credentials.securityToken;
    // `host` is signed but set by the HTTP layer itself (browsers forbid setting it).
    const signing = { ...headers, host: request.url.host };
    const signed = Object.keys(signing).filter((name) => !UNSIGNED.has(name));
    const { signature, signedHeaders } = await computeSignature(
      { method: request.method, url: request.url, headers: signing, signedHeaders: signed, body: request.body },
      hmac,
      hash,
    );
    headers['authorization'] = `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  };
}
