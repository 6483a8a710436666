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
  body: Uint8Array;
}

/** How much of a body to keep for a status: more means an error for 2xx, a cut for errors. */
export type BodyLimit = (status: number) => { limit: number; truncate: boolean };

/**
 * Puts one request on the wire. The default goes through fetch; the Node entry supplies one on
 * node:http, several times cheaper per request. Abort the signal and it must reject at once.
 */
export type Sender = (request: OutgoingRequest, signal: AbortSignal, bodyLimit: BodyLimit) => Promise<WireResponse>;

/** The portable sender: any fetch implementation. */
export function fetchSender(fetchImpl: FetchFunction): Sender {
  return async (request, signal, bodyLimit) => {
    const init: RequestInit = { method: request.method, headers: request.headers, signal };
    if (request.body && request.body.byteLength > 0) init.body = request.body as Uint8Array<ArrayBuffer>;
    const wire = await fetchImpl(request.url.href, init);
    const { limit, truncate } = bodyLimit(wire.status);
    const { bytes } = await readBody(wire, limit, truncate);
    return { status: wire.status, statusText: wire.statusText, headers: wire.headers, body: bytes };
  };
}
