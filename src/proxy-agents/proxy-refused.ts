// What a sender throws when the proxy, not the server, answered: CONNECT refused (407, 403, 502...)
// or a 407 to a forwarded request. Not transient: the transport reports it at once, no retry.
// Browser-safe (no node: import) so that the transport can know it.

export class ProxyRefusedError extends Error {
  override name = 'ProxyRefusedError';
  /** The proxy, user info removed. */
  readonly proxy: string;
  readonly status: number;
  constructor(proxy: string, status: number, statusText: string) {
    const hint =
      status === 407
        ? 'check the user and password in the proxy URL (HTTPS_PROXY / HTTP_PROXY or the proxy option)'
        : 'the proxy does not allow this destination; ask its administrator, or list the host in NO_PROXY if it is reachable directly';
    super(`the proxy ${proxy} refused the request with ${status}${statusText ? ` ${statusText}` : ''}: ${hint}`);
    this.proxy = proxy;
    this.status = status;
  }
}
