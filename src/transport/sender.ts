// The last step of an attempt: one request onto the wire, its body read whole within the
// attempt. The transport above it signs, times out and retries; a sender only sends.
import type { OutgoingRequest } from './outgoing.js';
import { readBody } from './read-body.js';

export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** A response whose body was read whole (or cut to the limit) within the attempt. */
export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][] | Headers;
  /** Decoded (gzip, deflate, br undone) as fetch does. */
  body: Uint8Array;
  /**
   * Set when a redirect could not be returned as it came: `opaque` where the runtime hides it
   * (a browser's `redirect: 'manual'`), `followed` where a caller's fetch followed it anyway.
   */
  redirect?: 'opaque' | 'followed' | undefined;
  /** The URL of the answer, where it differs from the request's (a followed redirect). */
  url?: string | undefined;
}

/** How much of a body to keep for a status: more means an error for 2xx, a cut for errors. */
export type BodyLimit = (status: number) => { limit: number; truncate: boolean };

/**
 * Puts one request on the wire. Every sender keeps this contract (test/transport/sender-contract.ts
 * checks each clause on each sender):
 * - it sends the method, URL, headers and body bytes it is given, once; it asks for gzip,
 *   deflate and br and returns the body decoded, header names as the wire had them;
 * - a 3xx is returned as it is, never followed (or marked `redirect` where the runtime hides it);
 *   any other status is returned as it is too (600 included), except a final 1xx, which rejects
 *   as the broken exchange fetch takes it for;
 * - the body limit counts decoded bytes: beyond it, `truncate` keeps the first `limit` bytes and
 *   stops reading, otherwise it rejects with ResponseTooLargeError;
 * - aborting the signal rejects at once (before headers or mid-body) and leaves no socket reading.
 */
export type Sender = (request: OutgoingRequest, signal: AbortSignal, bodyLimit: BodyLimit) => Promise<WireResponse>;

/** The portable sender: any fetch implementation (the runtime's, or a caller's own). */
export function fetchSender(fetchImpl: FetchFunction): Sender {
  return async (request, signal, bodyLimit) => {
    // Never follow: a redirect would carry the signature and tokens to wherever it points.
    const init: RequestInit = { method: request.method, headers: request.headers, signal, redirect: 'manual' };
    if (request.body && request.body.byteLength > 0) init.body = request.body as Uint8Array<ArrayBuffer>;
    const wire = await fetchImpl(request.url.href, init);
    if (wire.type === 'opaqueredirect') {
      await wire.body?.cancel().catch(() => undefined);
      return { status: 0, statusText: '', headers: new Headers(), body: new Uint8Array(0), redirect: 'opaque' };
    }
    const { limit, truncate } = bodyLimit(wire.status);
    const { bytes } = await readBody(wire, limit, truncate);
    const followed = wire.redirected === true;
    return {
      status: wire.status,
      statusText: wire.statusText,
      headers: wire.headers,
      body: bytes,
      ...(followed ? { redirect: 'followed' as const, url: wire.url } : {}),
    };
  };
}
