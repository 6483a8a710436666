import { ConfigurationError } from './errors.js';

/** The regions where Huawei Cloud Live serves this API. */
export const LIVE_REGIONS = ['cn-north-4', 'cn-north-1', 'cn-east-3', 'ap-southeast-2', 'ap-southeast-3'] as const;
export type LiveRegion = (typeof LIVE_REGIONS)[number];
export const DEFAULT_REGION: LiveRegion = 'cn-north-4';

/** The base URL for a region or an explicit endpoint; an explicit endpoint wins. */
export function resolveEndpoint(options: { region?: string | undefined; endpoint?: string | undefined }): string {
  if (options.endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new ConfigurationError('endpoint', `endpoint "${options.endpoint}" is not an absolute URL; give one like https://live.cn-north-4.myhuaweicloud.com`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigurationError('endpoint', `endpoint "${options.endpoint}" must use http: or https:`);
    }
    if (url.search || url.hash) {
      throw new ConfigurationError('endpoint', `endpoint "${options.endpoint}" must not have a query or fragment`);
    }
    return url.href.replace(/\/+$/, '');
  }
  const region = options.region ?? DEFAULT_REGION;
  if (!(LIVE_REGIONS as readonly string[]).includes(region)) {
    throw new ConfigurationError('region', `unknown region "${region}"; Live regions are ${LIVE_REGIONS.join(', ')} (or give an explicit endpoint)`);
  }
  return `https://live.${region}.myhuaweicloud.com`;
}
