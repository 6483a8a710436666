// Turns whatever a fetch caller passed (openapi-fetch gives a Request, the generated client a URL
// and an init) into one plain request that can be signed and sent again on every attempt.

/** What the signer (auth/) signs: the transport owns the request it hands over. */
/** What the signer needs of a request; `headers` has lowercase names and is updated in place. */
export interface SignableRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  /** What the AK/SK signer signed, set (not enumerable) when it signs: the debug call log shows it. */
  signed?: SignedText | undefined;
}

/** The canonical request and string to sign of a signature (the HMAC's input, never its output). */
export interface SignedText {
  canonicalRequest: string;
  stringToSign: string;
}

export interface OutgoingRequest extends SignableRequest {
  signal: AbortSignal | undefined;
}

import { isMutating } from '../internal/method.js';

export { isMutating };

const encoder = new TextEncoder();

// The signature covers the exact bytes sent, so a body must be known before sending.
const UNSENDABLE_BODY = 'live-https-cert sends only string or byte request bodies';

function toBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError(UNSENDABLE_BODY);
}

function addHeaders(target: Record<string, string>, headers: HeadersInit | undefined): void {
  if (!headers) return;
  // Headers lowercases names and joins repeated ones, as they go on the wire.
  (headers instanceof Headers ? headers : new Headers(headers)).forEach((value, name) => {
    target[name] = value;
  });
}

/**
 * What openapi-fetch builds for each call when the client gives it this class as its `Request`:
 * the parts of a Request the transport reads, without undici's stream machinery, which costs
 * more than the whole rest of a call. Middleware added with `client.api.use` sees this object.
 */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | Uint8Array | null;
  readonly signal: AbortSignal | undefined;
  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    const body = init.body ?? null;
    if (body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      throw new TypeError(UNSENDABLE_BODY);
    }
    this.body = body;
    this.signal = init.signal ?? undefined;
  }
  clone(): PlainRequest {
    return new PlainRequest(this.url, {
      method: this.method,
      headers: new Headers(this.headers),
      body: this.body as BodyInit | null,
      signal: this.signal ?? null,
    });
  }
  async text(): Promise<string> {
    return typeof this.body === 'string' ? this.body : this.body ? new TextDecoder().decode(this.body) : '';
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = toBytes(this.body) ?? new Uint8Array(0);
    return bytes.slice().buffer as ArrayBuffer;
  }
}

function isRequest(input: unknown): input is Request {
  return typeof Request !== 'undefined' && input instanceof Request;
}

export async function toOutgoing(
  input: RequestInfo | URL | PlainRequest,
  init: RequestInit | undefined,
): Promise<OutgoingRequest> {
  const headers: Record<string, string> = {};
  if (input instanceof PlainRequest) {
    addHeaders(headers, input.headers);
    addHeaders(headers, init?.headers);
    return {
      method: input.method,
      url: new URL(input.url),
      headers,
      body: toBytes(init?.body ?? input.body),
      signal: init?.signal ?? input.signal,
    };
  }
  if (isRequest(input)) {
    addHeaders(headers, input.headers);
    addHeaders(headers, init?.headers);
    const method = (init?.method ?? input.method).toUpperCase();
    const body =
      init?.body !== undefined
        ? toBytes(init.body)
        : input.body
          ? new Uint8Array(await input.arrayBuffer())
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
