// The User-Agent every request carries, as Huawei's SDKs send theirs: the package, the runtime
// and the platform, so gateway logs and support can tell the clients apart.
import { runtimeDescription } from '../internal/runtime.js';
import { VERSION } from '../version.js';

/**
 * `live-https-cert/0.1.0 node/20.19.0 linux/x64`; undefined in browsers, where fetch does not
 * let a page replace the browser's own User-Agent (older browsers drop it as a forbidden header,
 * and in any browser it would add a CORS preflight): there the browser's own one is sent.
 */
export function userAgent(): string | undefined {
  const runtime = runtimeDescription();
  return runtime ? `live-https-cert/${VERSION} ${runtime}` : undefined;
}
