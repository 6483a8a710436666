// Which proxy, if any, a request goes through: the `proxy` option, else HTTPS_PROXY / HTTP_PROXY,
// and NO_PROXY for both, read as curl reads them (the lowercase name wins over the uppercase one).
// Only the choice lives here, browser-safe and cheap; the agents are in proxy-agents/proxy-agent.ts.
import { ConfigurationError } from '../errors.js';

import type { Env } from '../internal/runtime.js';
import { redactProxyUrl } from '../proxy-agents/proxy-url.js';
import { envValue, parseProxyUrl } from './proxy-setting.js';

export { parseProxyUrl, redactProxyUrl };

export type { Env };

import type { ProxySetting } from './proxy-setting.js';

export type { ProxySetting };

export interface ProxyChoice {
  /** False when no request can go through a proxy (nothing set): the sender stays as it is. */
  readonly any: boolean;
  /** The proxy for `url`, or undefined to go direct. */
  proxyFor(url: URL): URL | undefined;
}

/** 4 or 6 for an IP address literal (no brackets), 0 for a name. */
function ipFamily(host: string): 0 | 4 | 6 {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host))
    return host.split('.').every((n) => Number(n) <= 255) ? 4 : 0;
  if (!host.includes(':')) return 0;
  try {
    return new URL(`http://[${host}]/`).hostname ? 6 : 0;
  } catch {
    return 0;
  }
}

function ipv4Number(host: string): number {
  return host.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

interface Ipv4Block {
  base: number;
  size: number;
}

interface NoProxyRule {
  /** Lowercased host without brackets; matches itself and, unless an IP, its subdomains. */
  host: string;
  port: string | undefined;
}

function parseNoProxy(value: string): { all: boolean; rules: NoProxyRule[]; blocks: Ipv4Block[] } {
  const rules: NoProxyRule[] = [];
  const blocks: Ipv4Block[] = [];
  let all = false;
  for (const raw of value.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') {
      all = true;
      continue;
    }
    // An IPv4 range (10.0.0.0/8), as curl 7.86+ reads it.
    const cidr = /^([0-9.]+)\/(\d{1,2})$/.exec(entry);
    if (cidr && ipFamily(cidr[1]!) === 4 && Number(cidr[2]) <= 32) {
      const size = 2 ** (32 - Number(cidr[2]));
      blocks.push({ base: Math.floor(ipv4Number(cidr[1]!) / size) * size, size });
      continue;
    }
    entry = entry.replace(/^\*?\./, '');
    let port: string | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
      entry = bracketed[1]!;
      port = bracketed[2];
    } else if (ipFamily(entry) !== 6) {
      const withPort = /^(.*):(\d+)$/.exec(entry);
      if (withPort) {
        entry = withPort[1]!;
        port = withPort[2];
      }
    }
    if (entry) rules.push({ host: entry, port });
  }
  return { all, rules, blocks };
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The proxy choice for a client, fixed at creation: the environment is read once, so a client's
 * behaviour does not change under it. `setting` false means never a proxy.
 */
export function proxyChoice(setting: ProxySetting, env: Env): ProxyChoice {
  if (setting === false) return { any: false, proxyFor: () => undefined };
  if (setting !== undefined && typeof setting !== 'string') {
    throw new ConfigurationError('proxy', 'proxy must be a URL string (http://[user:password@]host:port) or false');
  }
  const explicit = setting === undefined ? undefined : parseProxyUrl(setting, 'proxy');
  const fromEnv = (name: string) => {
    const found = envValue(env, name);
    return found ? parseProxyUrl(found.value, found.name) : undefined;
  };
  const byProtocol: Record<string, URL | undefined> = explicit
    ? { 'http:': explicit, 'https:': explicit }
    : { 'http:': fromEnv('http_proxy'), 'https:': fromEnv('https_proxy') };
  const noProxy = parseNoProxy(envValue(env, 'no_proxy')?.value ?? '');

  const bypass = (url: URL): boolean => {
    if (noProxy.all) return true;
    const host = url.hostname
      .replace(/^\[|\]$/g, '')
      .toLowerCase()
      .replace(/\.$/, '');
    const port = url.port || DEFAULT_PORT[url.protocol];
    const family = ipFamily(host);
    if (
      family === 4 &&
      noProxy.blocks.some((b) => ipv4Number(host) - b.base >= 0 && ipv4Number(host) - b.base < b.size)
    )
      return true;
    return noProxy.rules.some(
      (rule) =>
        (rule.port === undefined || rule.port === port) &&
        (host === rule.host || (!family && host.endsWith(`.${rule.host}`))),
    );
  };

  return {
    any: byProtocol['http:'] !== undefined || byProtocol['https:'] !== undefined,
    proxyFor(url) {
      const proxy = byProtocol[url.protocol];
      return proxy && !bypass(url) ? proxy : undefined;
    },
  };
}
