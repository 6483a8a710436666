// The node:http sender with proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (or the `proxy` option)
// decide per request; when none applies the plain sender is returned as it is, and nothing more is
// loaded. The agents (proxy-agents/proxy-agent.ts, https-proxy-agent) are loaded the first time a request
// needs one, by a dynamic import that bundlers leave alone: browser bundles never hold them.
import { createLog, type LogOptions } from '../log/logger.js';
import { createNodeSender, DEFAULT_MAX_SOCKETS, type NodeSenderOptions } from './node-sender.js';
import { type Env, runtimeEnv } from '../internal/runtime.js';
import { proxyChoice, type ProxySetting } from './proxy-choice.js';
import type { ProxyAgentModule, ProxyRoute } from '../proxy-agents/proxy-route.js';
import { ProxyRefusedError } from '../proxy-agents/proxy-refused.js';
import { redactProxyUrl } from '../proxy-agents/proxy-url.js';

export type { ProxyRoute };
import type { Sender } from './sender.js';

// A variable, not a literal: bundlers then leave this import out of a browser bundle.
const PROXY_AGENT_MODULE = '../proxy-agents/proxy-agent.js';
// From the CommonJS build, import() of a CommonJS file gives its exports as `default`.
const load = async (specifier: string): Promise<ProxyAgentModule> => {
  const loaded = (await import(specifier)) as Partial<ProxyAgentModule> & { default?: ProxyAgentModule };
  return typeof loaded.makeProxyRoute === 'function' ? (loaded as ProxyAgentModule) : loaded.default!;
};

export interface ProxiedNodeSenderOptions extends NodeSenderOptions, LogOptions {
  proxy?: ProxySetting;
  /** Where the proxy variables are read, once, at creation; the process environment by default. */
  env?: Env | undefined;
}

export function createProxiedNodeSender(options: ProxiedNodeSenderOptions = {}): Sender {
  const choice = proxyChoice(options.proxy, options.env ?? runtimeEnv());
  if (!choice.any) return createNodeSender(options);
  const log = createLog(options, options.env);
  const maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
  const routes = new Map<string, ProxyRoute>();
  const loading = new Map<string, Promise<ProxyRoute>>();
  // Set only while the plain sender starts a proxied request (synchronously): the route's agent
  // and the attempt's signal for it.
  let starting: { route: ProxyRoute; signal: AbortSignal } | undefined;
  const send = createNodeSender({ ...options, agentFor: (url) => starting?.route.agent ?? options.agentFor?.(url) });

  const routeFor = (secure: boolean, proxy: URL): ProxyRoute | Promise<ProxyRoute> => {
    const key = `${secure ? 'https' : 'http'} ${proxy.href}`;
    const known = routes.get(key) ?? loading.get(key);
    if (known) return known;
    const made = load(PROXY_AGENT_MODULE)
      .then((module) => module.makeProxyRoute(secure, proxy, { keepAlive: true, maxSockets }, () => starting?.signal))
      .then((route) => {
        routes.set(key, route);
        return route;
      })
      .finally(() => loading.delete(key));
    loading.set(key, made);
    return made;
  };

  return async (request, signal, bodyLimit) => {
    const proxy = choice.proxyFor(request.url);
    // The proxy's user and password are never shown.
    if (log.enabled('debug'))
      log.debug(
        `${request.method} ${request.url.origin}: ${proxy ? `through the proxy ${redactProxyUrl(proxy)}` : 'direct (NO_PROXY)'}`,
        { method: request.method, proxy: proxy ? redactProxyUrl(proxy) : undefined },
      );
    if (!proxy) return send(request, signal, bodyLimit);
    const route = await routeFor(request.url.protocol === 'https:', proxy);
    if (signal.aborted) throw signal.reason;
    starting = { route, signal };
    let sent: ReturnType<Sender>;
    try {
      sent = send(request, signal, bodyLimit);
    } finally {
      starting = undefined;
    }
    const wire = await sent;
    // Forwarded plain http: a 407 can only be the proxy's own answer.
    if (route.forward && wire.status === 407) throw new ProxyRefusedError(route.proxy, 407, '');
    return wire;
  };
}
