// The Content-Type the official SDKs send on each call, so the gateway sees the same signed
// request from us as from them. Recorded from huaweicloudsdklive 3.1.219 (the parity test sends
// both to one server): the PUT's `application/json; charset=UTF-8` comes out lower-cased by
// huaweicloudsdkcore's select_header_content_type; GET and DELETE carry `application/json` too,
// body or not, and it is signed like every header the SDK sets.
// A spec operation's method comes in the generated table's lower case; POST and PATCH carry a
// body as PUT does, and the SDK's core picks the same header for them.
// huaweicloudsdkscm 3.1.219 (CCM, `scm`) declares plain `application/json` for every operation,
// its POSTs included (test/client/official-sdk-parity-ccm.test.ts): each service's SDK is followed.
const PLAIN_JSON_SERVICES = new Set(['scm']);

export function officialContentType(method: string, service = 'live'): string {
  const upper = method.toUpperCase();
  return (upper === 'PUT' || upper === 'POST' || upper === 'PATCH') && !PLAIN_JSON_SERVICES.has(service)
    ? 'application/json; charset=utf-8'
    : 'application/json';
}
