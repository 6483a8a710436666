// The one place that recognises an endpoint that speaks only HTTP/2. This client speaks HTTP/1.1,
// as Huawei Cloud's API endpoints and official SDKs do; an h2-only server is the wrong endpoint
// (an override pointing at some other service, or a gateway set up for HTTP/2 alone). What it looks
// like depends on what the sender offered in TLS ALPN, so every sender's symptom is listed here:
// - ALPN http/1.1 offered (fetch, undici): the server ends the handshake with the TLS alert
//   no_application_protocol (Node's http2 server does; so do Go and nginx set up for h2 only);
// - no ALPN offered (node:https, a CONNECT tunnel): Node's http2 server answers in HTTP/1.0 with
//   `403 Forbidden` and "Missing ALPN Protocol, expected `h2` to be available";
// - a server that ignores ALPN and starts HTTP/2 anyway: the answer begins with an HTTP/2 frame
//   (its SETTINGS or GOAWAY), which an HTTP/1.1 parser refuses.
// Left to the generic rules, the first reads as an unspecified TLS failure and the second as an API
// 403 with an IAM-permission hint; none of them heals by asking again.
import type { WireResponse } from './sender.js';

interface Coded {
  code?: unknown;
  cause?: unknown;
  rawPacket?: unknown;
  data?: unknown;
}

const ALPN_ALERT = 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL';
const PARSE_ERROR = /^HPE_/;
const MISSING_ALPN = 'Missing ALPN Protocol';
const MAX_DEPTH = 4;

/** A buffer (or latin1 string) that begins with an HTTP/2 frame header of a SETTINGS or GOAWAY frame on stream 0. */
function startsWithHttp2Frame(data: unknown): boolean {
  let bytes: Uint8Array;
  if (data instanceof Uint8Array) bytes = data;
  else if (typeof data === 'string') bytes = Uint8Array.from(data.slice(0, 9), (c) => c.charCodeAt(0) & 0xff);
  else return false;
  if (bytes.length < 9) return false;
  const type = bytes[3];
  const stream = ((bytes[5]! & 0x7f) << 24) | (bytes[6]! << 16) | (bytes[7]! << 8) | bytes[8]!;
  return (type === 0x04 || type === 0x07) && stream === 0 && bytes[0] === 0;
}

/** What showed that the endpoint speaks only HTTP/2, from a failed attempt; undefined if it was something else. */
export function http2OnlyFailure(error: unknown): string | undefined {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < MAX_DEPTH; e = (e as Coded).cause, depth++) {
    const { code, rawPacket, data } = e as Coded;
    if (code === ALPN_ALERT)
      return 'its TLS handshake ended with the alert no_application_protocol: it offers only h2 in ALPN';
    if (
      typeof code === 'string' &&
      PARSE_ERROR.test(code) &&
      (startsWithHttp2Frame(rawPacket) || startsWithHttp2Frame(data))
    )
      return 'it answered an HTTP/1.1 request with HTTP/2 frames';
  }
  return undefined;
}

/** The same, from an answer: Node's http2 server refusing an HTTP/1.1 request. */
export function http2OnlyAnswer(wire: WireResponse): string | undefined {
  if (wire.status !== 403 || wire.body.byteLength === 0) return undefined;
  const start = new TextDecoder().decode(wire.body.subarray(0, 256));
  return start.startsWith(MISSING_ALPN)
    ? 'it answered 403 "Missing ALPN Protocol, expected h2" (an HTTP/2-only server refusing HTTP/1.1)'
    : undefined;
}

/** What the error message says about it: the cause, then what to check. */
export function http2OnlyAdvice(origin: string, evidence: string): string {
  return `the endpoint ${origin} speaks only HTTP/2 (${evidence}); this client speaks HTTP/1.1, as Huawei Cloud's API endpoints do, so it is not the service's endpoint (or a gateway in front of it accepts HTTP/2 alone): check the endpoint option (--endpoint), HUAWEICLOUD_SDK_REGION_LIVE_<REGION> (or the override of the service called) and the region; not retried`;
}
