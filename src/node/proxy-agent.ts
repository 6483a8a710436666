// How a request reaches its server through a proxy. https: https-proxy-agent opens a CONNECT tunnel
// and TLS to the server runs inside it (loaded the first time a request needs it, never otherwise).
// Plain http: the request goes to the proxy in absolute form (`PUT http://host/path`), which needs
// no tunnel and no library. The credentials go in a Proxy-Authorization header, never in the URL
// given to the library, so its DEBUG output cannot show them.
import { Agent as HttpAgent, type Agent, type AgentOptions, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { HttpsProxyAgent as TunnelAgent } from 'https-proxy-agent';
import { serverText } from '../internal/server-text.js';
import { ProxyRefusedError } from '../transport/proxy-refused.js';
import { type ProxyChoice, redactProxyUrl } from './proxy-env.js';

export interface ProxyRoute {
  agent: Agent;
  /** For plain http: the request goes to this proxy in absolute form; undefined for a CONNECT tunnel. */
  forwardTo?: URL | undefined;
  /** Headers for the proxy (Proxy-Authorization) when forwarding. */
  forwardHeaders?: Record<string, string> | undefined;
  /** The proxy URL without its user info, for messages. */
  proxy: string;
  /** Tells the route which signal ends a request's attempt (before it has a socket). */
  watch?: ((req: ClientRequest, signal: AbortSignal) => void) | undefined;
  /** Secrets of the proxy URL (user, password, their Basic form), to redact from anything shown. */
  secrets: readonly string[];
}

export interface ProxyRoutes {
  /** The route for a request to `url`: undefined to go direct (then nothing is loaded). */
  routeFor(url: URL): ProxyRoute | Promise<ProxyRoute> | undefined;
}

interface ConnectAnswer {
  statusCode: number;
  statusText: string;
}

function credentialsOf(proxy: URL): { headers: Record<string, string>; secrets: string[] } {
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  if (!user && !password) return { headers: {}, secrets: [] };
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  const secrets = [user, password, basic, proxy.username, proxy.password].filter((s) => s.length > 0);
  return { headers: { 'Proxy-Authorization': `Basic ${basic}` }, secrets };
}

async function makeRoute(secure: boolean, proxy: URL, agentOptions: AgentOptions): Promise<ProxyRoute> {
  const shown = redactProxyUrl(proxy);
  const { headers, secrets } = credentialsOf(proxy);
  const bare = new URL(`${proxy.protocol}//${proxy.host}`);
  if (!secure) {
    const agent = proxy.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    return { agent, forwardTo: bare, forwardHeaders: headers, proxy: shown, secrets };
  }
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  // The socket to the proxy gets the attempt's signal: a proxy that never answers CONNECT is
  // dropped when the attempt times out or is aborted, instead of holding the process open.
  // (node:http does not pass the signal to agents; https-proxy-agent opens that socket
  // synchronously in connect(), from connectOpts.)
  const signals = new WeakMap<ClientRequest, AbortSignal>();
  class AbortableTunnelAgent extends HttpsProxyAgent<string> {
    override connect(req: ClientRequest, opts: Parameters<TunnelAgent<string>['connect']>[1]) {
      const shared = this.connectOpts;
      const signal = signals.get(req);
      if (signal) this.connectOpts = { ...shared, signal } as typeof shared;
      try {
        return super.connect(req, opts);
      } finally {
        this.connectOpts = shared;
      }
    }
  }
  const agent = new AbortableTunnelAgent(bare, { ...agentOptions, headers });
  // Any answer but 200 to CONNECT is the proxy's, not the server's: fail the request with it
  // (https-proxy-agent would otherwise hand the proxy's answer over as the server's response).
  agent.on('proxyConnect', (answer: ConnectAnswer, req: ClientRequest) => {
    if (answer.statusCode !== 200) {
      req.destroy(new ProxyRefusedError(shown, answer.statusCode, serverText(answer.statusText ?? '', secrets, 100)));
    }
  });
  return { agent, proxy: shown, secrets, watch: (req, signal) => signals.set(req, signal) };
}

/** One agent per proxy and scheme, made on first use and then kept (its sockets stay alive). */
export function proxyRoutes(choice: ProxyChoice, agentOptions: AgentOptions): ProxyRoutes {
  const routes = new Map<string, ProxyRoute | Promise<ProxyRoute>>();
  return {
    routeFor(url) {
      const proxy = choice.proxyFor(url);
      if (!proxy) return undefined;
      const key = `${url.protocol} ${proxy.href}`;
      const known = routes.get(key);
      if (known) return known;
      const made = makeRoute(url.protocol === 'https:', proxy, agentOptions);
      routes.set(key, made);
      made.then(
        (route) => routes.set(key, route),
        () => routes.delete(key),
      );
      return made;
    },
  };
}
