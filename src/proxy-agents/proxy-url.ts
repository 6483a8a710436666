// What the proxy agents and the proxy choice both show of a proxy URL. Browser-safe.

/** A proxy URL with its user info replaced, safe to print. */
export function redactProxyUrl(url: URL): string {
  return `${url.protocol}//${url.username || url.password ? '***@' : ''}${url.host}`;
}
