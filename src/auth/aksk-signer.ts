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
import { type SigningHash, webCryptoHash } from './hash.js';

/** What the signer needs of a request; `headers` has lowercase names and is updated in place. */
export interface SignableRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

export type RequestSigner = (request: SignableRequest, date: Date) => Promise<void>;

// Headers a transport may add or rewrite on its own after signing; signing them would break.
const UNSIGNED = new Set(['authorization', 'user-agent', 'content-length', 'connection', 'accept-encoding']);
const encoder = new TextEncoder();

export function createAkSkSigner(credentials: AkSkCredentials, hash: SigningHash = webCryptoHash): RequestSigner {
  const hmac = hash.hmacSha256Hex(encoder.encode(credentials.secretKey));
  return async (request, date) => {
    const { headers } = request;
    headers['x-sdk-date'] = formatSdkDate(date);
    headers['host'] = request.url.host;
    if (credentials.securityToken) headers['x-security-token'] = credentials.securityToken;
    const signed = Object.keys(headers).filter((name) => !UNSIGNED.has(name));
    const { canonical, signedHeaders } = canonicalHeaders(headers, signed);
    const payloadHash =
      headers['x-sdk-content-sha256'] === 'UNSIGNED-PAYLOAD'
        ? 'UNSIGNED-PAYLOAD'
        : request.body && request.body.byteLength > 0
          ? await hash.sha256Hex(request.body)
          : EMPTY_BODY_SHA256;
    const canonicalText = canonicalRequest({
      method: request.method,
      url: request.url,
      canonicalHeaders: canonical,
      signedHeaders,
      payloadHash,
    });
    const toSign = stringToSign(headers['x-sdk-date'], await hash.sha256Hex(encoder.encode(canonicalText)));
    const signature = await hmac(encoder.encode(toSign));
    // `host` is sent by the HTTP layer itself (browsers forbid setting it).
    delete headers['host'];
    headers['authorization'] =
      `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  };
}
