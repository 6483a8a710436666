// The canonical request and string to sign of a signed request, recomputed for the debug logs
// (the transport's call log gets this function from the client, so transport does not import auth).
import { computeSignature } from './aksk-signer.js';
import { sha256Digest, sm3Digest } from './hash.js';
import type { OutgoingRequest } from '../transport/outgoing.js';

const decoder = new TextDecoder();
const SIGNED = /^(SDK-HMAC-[A-Z0-9]+) Access=[^,\s]*, SignedHeaders=([a-z0-9;-]+), Signature=/i;

/** The canonical request and string to sign, recomputed as the signer made them; the HMAC itself is never run. */
export async function signingText(
  request: OutgoingRequest,
): Promise<{ canonical: string; toSign: string } | undefined> {
  const signed = SIGNED.exec(request.headers['authorization'] ?? '');
  if (!signed) return undefined;
  const digest = signed[1]!.toUpperCase() === 'SDK-HMAC-SM3' ? sm3Digest() : sha256Digest();
  let toSign = '';
  const { canonicalRequest } = await computeSignature(
    {
      method: request.method,
      url: request.url,
      headers: { ...request.headers, host: request.url.host },
      signedHeaders: signed[2]!.split(';'),
      body: request.body,
    },
    (data) => {
      toSign = decoder.decode(data);
      return '';
    },
    digest,
  );
  return { canonical: canonicalRequest, toSign };
}
