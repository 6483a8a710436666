// Turns whatever a fetch caller passed (openapi-fetch gives a Request, the generated client a URL
// and an init) into one plain request that can be signed and sent again on every attempt.
import type { SignableRequest } from '../auth/aksk-signer.js';

export interface OutgoingRequest extends SignableRequest {
  signal: AbortSignal | undefined;
}

const encoder = new TextEncoder();

function toBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // The signature covers the exact bytes sent, so a body must be known before sending.
  throw new TypeError('live-https-cert sends only string or byte request bodies');
}

function addHeaders(target: Record<string, string>, headers: HeadersInit | undefined): void {
  if (!headers) return;
  // Headers lowercases names and joins repeated ones, as they go on the wire.
  new Headers(headers).forEach((value, name) => {
    target[name] = value;
  });
}

function isRequest(input: unknown): input is Request {
  return typeof Request !== 'undefined' && input instanceof Request;
}

export async function toOutgoing(input: RequestInfo | URL, init: RequestInit | undefined): Promise<OutgoingRequest> {
  const headers: Record<string, string> = {};
  if (isRequest(input)) {
    addHeaders(headers, input.headers);
    addHeaders(headers, init?.headers);
    const method = (init?.method ?? input.method).toUpperCase();
    const body =
      init?.body !== undefined ? toBytes(init.body)
      : input.body ? new Uint8Array(await input.arrayBuffer())
      : undefined;
    return { method, url: new URL(input.url), headers, body, signal: init?.signal ?? input.signal };
  }
  addHeaders(headers, init?.headers);
  return {
    method: (init?.method ?? 'GET').toUpperCase(),
    url: new URL(String(input)),
    headers,
    body: toBytes(init?.body),
    signal: init?.signal ?? undefined,
  };
}
