// A private key must not cross the network in clear text: an http:// endpoint is refused before
// anything is sent, unless it is this machine (a local mock, a test) or the caller opts in.
// (The metadata service is plain HTTP by design and link-local; it does not come through here.)
import { ConfigurationError } from '../errors.js';

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Throws a ConfigurationError for an http:// URL to another machine unless allowed. */
export function checkPlainHttp(url: string, option: string, allowInsecureHttp: boolean | undefined): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' || allowInsecureHttp === true || isLoopbackHost(parsed.hostname)) return url;
  throw new ConfigurationError(
    option,
    `${option} ${parsed.origin} is plain http: requests (a private key, signatures, tokens) would cross the network unencrypted; nothing was sent. Use https://, or allowInsecureHttp: true (CLI: --allow-insecure-http) if you really mean it (loopback hosts are always allowed)`,
  );
}
