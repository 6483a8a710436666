// Where each service of the spec is: its endpoint template and regions come from the spec document
// (x-service, servers; see generated/client-methods.ts); an explicit endpoint wins, then the official
// SDKs' override variable HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION>, then the template.
import { type ServiceName, services } from '../generated/client-methods.js';
import { type Env, runtimeEnv } from './internal/runtime.js';
import { ConfigurationError } from './errors.js';

/** The regions where Huawei Cloud Live serves this API (the spec's server variable). */
export const LIVE_REGIONS = services.live.regions;
export type LiveRegion = (typeof LIVE_REGIONS)[number];
export const DEFAULT_REGION: LiveRegion = 'cn-north-4';

/** The official SDKs' override of a region's endpoint: HUAWEICLOUD_SDK_REGION_LIVE_CN_NORTH_4. */
export function regionOverrideVariable(region: string, service: ServiceName = 'live'): string {
  return `HUAWEICLOUD_SDK_REGION_${service.toUpperCase()}_${region.replace(/-/g, '_').toUpperCase()}`;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function didYouMean(region: string, known: readonly string[]): string {
  const [best] = known
    .map((known) => [known, editDistance(region.toLowerCase(), known)] as const)
    .sort((x, y) => x[1] - y[1]);
  return best && best[1] <= 3 ? ` (did you mean "${best[0]}"?)` : '';
}

/** The endpoint as it may be shown: everything from "//" to the last "@" (user info) hidden. */
function shown(endpoint: string): string {
  return endpoint.replace(/^([^/?#]*\/\/).*@/s, '$1***@');
}

/** An explicit base URL, checked: absolute http(s), no user info, no query or fragment. */
export function checkEndpoint(raw: unknown, option = 'endpoint'): string {
  if (typeof raw !== 'string')
    throw new ConfigurationError(option, `${option} must be a string URL, got ${typeof raw}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(
      option,
      `${option} "${shown(raw)}" is not an absolute URL; give one like https://live.cn-north-4.myhuaweicloud.com`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(option, `${option} "${shown(raw)}" must use http: or https:`);
  }
  // Credentials in the URL would travel to the server and into every message that names it.
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError(
      option,
      `${option} "${shown(raw)}" must not hold a user name or password; the client signs its requests with its credentials`,
    );
  }
  // The raw string, not url.search/url.hash: those are empty for a bare trailing "?" or "#",
  // which would still change the path the request goes to.
  if (/[?#]/.test(raw)) {
    throw new ConfigurationError(option, `${option} "${shown(raw)}" must not have a query or fragment ("?" or "#")`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * The base URL of a service for a region or an explicit endpoint; an explicit endpoint wins, then
 * the region's HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION> variable (its first URL, as the SDKs take
 * a list), then the spec's endpoint template for a region the spec lists.
 */
export function serviceEndpoint(
  service: ServiceName,
  options: { region?: string | undefined; endpoint?: string | undefined },
  env: Env = runtimeEnv(),
): string {
  if (options.endpoint !== undefined) return checkEndpoint(options.endpoint);
  const region = options.region ?? DEFAULT_REGION;
  const variable = regionOverrideVariable(region, service);
  const override = env[variable]?.split(',')[0]?.trim();
  if (override) {
    try {
      return checkEndpoint(override);
    } catch (error) {
      throw new ConfigurationError('region', `${variable}: ${(error as Error).message}`);
    }
  }
  const { endpoint, regions } = services[service];
  if (!(regions as readonly string[]).includes(region)) {
    const name = service === 'live' ? 'Live' : service;
    throw new ConfigurationError(
      'region',
      `unknown region "${region}"${didYouMean(region, regions)}; ${name} regions are ${regions.join(', ')} (or give an explicit endpoint, or set ${variable})`,
    );
  }
  return endpoint.replace('{region}', region);
}

/** The base URL of Live for a region or an explicit endpoint (serviceEndpoint of `live`). */
export function resolveEndpoint(
  options: { region?: string | undefined; endpoint?: string | undefined },
  env: Env = runtimeEnv(),
): string {
  return serviceEndpoint('live', options, env);
}
