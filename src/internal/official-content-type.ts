// The Content-Type the official SDKs send on each call, so the gateway sees the same signed
// request from us as from them. Recorded from huaweicloudsdklive 3.1.219 (the parity test sends
// both to one server): the PUT's `application/json; charset=UTF-8` comes out lower-cased by
// huaweicloudsdkcore's select_header_content_type; GET and DELETE carry `application/json` too,
// body or not, and it is signed like every header the SDK sets.
export function officialContentType(method: 'GET' | 'PUT' | 'DELETE'): string {
  return method === 'PUT' ? 'application/json; charset=utf-8' : 'application/json';
}
