// The proxy settings of a client, checked when it is made: the `proxy` option, else HTTPS_PROXY /
// HTTP_PROXY (a bad URL is a ConfigurationError at creation, as before), and a copy of the proxy
// variables taken then, so the choice made at the first request (proxy-choice.ts, loaded with the
// Node sender) reads the environment as it was when the client was made.
import { ConfigurationError } from '../errors.js';
import type { Env } from '../internal/runtime.js';
import { redactProxyUrl } from '../proxy-agents/proxy-url.js';

/** The caller's `proxy` option: a URL, `false` for none (environment ignored), or unset for the environment. */
export type ProxySetting = string | false | undefined;

/** The variables the proxy choice reads, either case. */
const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'no_proxy'].flatMap((n) => [n, n.toUpperCase()]);

/** curl's order: the lowercase variable when set and not empty, else the uppercase one. */
export function envValue(env: Env, name: string): { name: string; value: string } | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value) return { name: key, value };
  }
  return undefined;
}

/** Parses a proxy URL (scheme optional, as curl: `proxy.corp:3128` is http). Never echoes the value. */
export function parseProxyUrl(value: string, source: string): URL {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      source,
      `${source} is not a valid proxy URL; expected http://[user:password@]host:port`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      source,
      `${source} uses ${url.protocol.slice(0, -1)}; only http:// and https:// proxies are supported`,
    );
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new ConfigurationError(
      source,
      `${source} has a user or password that is not valid percent-encoding (write % as %25): ${redactProxyUrl(url)}`,
    );
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ConfigurationError(
      source,
      `${source} must be a proxy origin only (http://[user:password@]host:port), without a path or query: ${redactProxyUrl(url)}`,
    );
  }
  return url;
}

/**
 * Checks the proxy option and the proxy variables it does not override (a bad value fails now,
 * never echoed), and returns those variables as they are now.
 */
export function proxySettings(setting: ProxySetting, env: Env): Env {
  if (setting !== undefined && setting !== false && typeof setting !== 'string') {
    throw new ConfigurationError('proxy', 'proxy must be a URL string (http://[user:password@]host:port) or false');
  }
  if (typeof setting === 'string') parseProxyUrl(setting, 'proxy');
  else if (setting === undefined) {
    for (const name of ['http_proxy', 'https_proxy']) {
      const found = envValue(env, name);
      if (found) parseProxyUrl(found.value, found.name);
    }
  }
  const copy: Record<string, string | undefined> = {};
  for (const name of PROXY_VARIABLES) if (env[name] !== undefined) copy[name] = env[name];
  return copy;
}
