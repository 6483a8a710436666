import { ConfigurationError } from './errors.js';

/** The regions where Huawei Cloud Live serves this API. */
export const LIVE_REGIONS = ['cn-north-4', 'cn-north-1', 'cn-east-3', 'ap-southeast-2', 'ap-southeast-3'] as const;
export type LiveRegion = (typeof LIVE_REGIONS)[number];
export const DEFAULT_REGION: LiveRegion = 'cn-north-4';

/** The endpoint as it may be shown: everything from "//" to the last "@" (user info) hidden. */
function shown(endpoint: string): string {
  return endpoint.replace(/^([^/?#]*\/\/).*@/s, '$1***@');
}

/** The base URL for a region or an explicit endpoint; an explicit endpoint wins. */
export function resolveEndpoint(options: { region?: string | undefined; endpoint?: string | undefined }): string {
  if (options.endpoint !== undefined) {
    const raw = options.endpoint;
    if (typeof raw !== 'string') throw new ConfigurationError('endpoint', `endpoint must be a string URL, got ${typeof raw}`);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigurationError('endpoint', `endpoint "${shown(raw)}" is not an absolute URL; give one like https://live.cn-north-4.myhuaweicloud.com`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigurationError('endpoint', `endpoint "${shown(raw)}" must use http: or https:`);
    }
    // Credentials in the URL would travel to the server and into every message that names it.
    if (url.username !== '' || url.password !== '') {
      throw new ConfigurationError('endpoint', `endpoint "${shown(raw)}" must not hold a user name or password; the client signs its requests with its credentials`);
    }
    // The raw string, not url.search/url.hash: those are empty for a bare trailing "?" or "#",
    // which would still change the path the request goes to.
    if (/[?#]/.test(raw)) {
      throw new ConfigurationError('endpoint', `endpoint "${shown(raw)}" must not have a query or fragment ("?" or "#")`);
    }
    return url.href.replace(/\/+$/, '');
  }
  const region = options.region ?? DEFAULT_REGION;
  if (!(LIVE_REGIONS as readonly string[]).includes(region)) {
    throw new ConfigurationError('region', `unknown region "${region}"; Live regions are ${LIVE_REGIONS.join(', ')} (or give an explicit endpoint)`);
  }
  return `https://live.${region}.myhuaweicloud.com`;
}
