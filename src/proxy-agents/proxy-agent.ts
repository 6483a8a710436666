// The node:http agents that reach a server through its proxy. Loaded by transport/proxy-sender.ts
// the first time a request needs a proxy, never otherwise (nor in browsers).
// https: https-proxy-agent opens a CONNECT tunnel and TLS to the server runs inside it.
// Plain http: the request goes to the proxy in absolute form (`PUT http://host/path`); no tunnel.
// Credentials go in a Proxy-Authorization header, never in the URL handed to the library, so its
// DEBUG output cannot show them.
import { Agent as HttpAgent, type AgentOptions, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { serverText } from '../internal/server-text.js';
import { redactProxyUrl } from './proxy-url.js';
import { ProxyRefusedError } from './proxy-refused.js';
import type { ProxyRoute } from './proxy-route.js';

interface ConnectAnswer {
  statusCode: number;
  statusText: string;
}

interface RequestInternals {
  path: string;
  getHeader(name: string): unknown;
  setHeader(name: string, value: string): void;
}

function credentialsOf(proxy: URL): { authorization: string | undefined; secrets: string[] } {
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  if (!user && !password) return { authorization: undefined, secrets: [] };
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  return {
    authorization: `Basic ${basic}`,
    secrets: [user, password, basic, proxy.username, proxy.password].filter((s) => s.length > 0),
  };
}

/**
 * The route to servers of one scheme through one proxy. `currentSignal` gives the signal of the
 * attempt being started: node:http does not hand it to agents, and a CONNECT the proxy never
 * answers must still end with its attempt (or the process could not exit).
 */
export function makeProxyRoute(
  secure: boolean,
  proxy: URL,
  agentOptions: AgentOptions,
  currentSignal: () => AbortSignal | undefined,
): ProxyRoute {
  const shown = redactProxyUrl(proxy);
  const { authorization, secrets } = credentialsOf(proxy);
  const host = proxy.hostname.replace(/^\[|\]$/g, '');
  const port = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);

  if (!secure) {
    const Base = proxy.protocol === 'https:' ? HttpsAgent : HttpAgent;
    class ForwardAgent extends Base {
      // Runs inside http.request, before the head is written: the path becomes absolute and the
      // socket goes to the proxy; the Host header stays the server's (it is signed).
      addRequest(req: ClientRequest, options: object) {
        const internals = req as unknown as RequestInternals;
        internals.path = `http://${String(internals.getHeader('host'))}${internals.path}`;
        if (authorization) internals.setHeader('proxy-authorization', authorization);
        // @ts-expect-error addRequest is not in @types/node's Agent
        super.addRequest(req, { ...options, host, hostname: host, port, servername: host });
      }
    }
    return { agent: new ForwardAgent(agentOptions), proxy: shown, forward: true };
  }

  const signals = new WeakMap<ClientRequest, AbortSignal>();
  class TunnelAgent extends HttpsProxyAgent<string> {
    addRequest(req: ClientRequest, options: object) {
      const signal = currentSignal();
      if (signal) signals.set(req, signal);
      // @ts-expect-error addRequest is not in @types/node's Agent
      super.addRequest(req, options);
    }
    // https-proxy-agent opens the socket to the proxy synchronously in connect(), from
    // connectOpts: it gets the attempt's signal, so a timeout or an abort closes it.
    override connect(req: ClientRequest, opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
      const shared = this.connectOpts;
      const signal = signals.get(req);
      if (signal) this.connectOpts = { ...shared, signal } as typeof shared;
      // https-proxy-agent checks an IP server's certificate against "localhost" (an IP cannot be
      // the TLS server name): check it against the IP the request names.
      const target = opts.host;
      const checked =
        target && isIP(target)
          ? { ...opts, checkServerIdentity: (_: string, cert: PeerCertificate) => checkServerIdentity(target, cert) }
          : opts;
      try {
        return super.connect(req, checked);
      } finally {
        this.connectOpts = shared;
      }
    }
  }
  const agent = new TunnelAgent(`${proxy.protocol}//${proxy.host}`, {
    ...agentOptions,
    headers: authorization ? { 'Proxy-Authorization': authorization } : {},
  });
  // Any answer but 200 to CONNECT is the proxy's, not the server's: fail the request with it
  // (https-proxy-agent would otherwise hand the proxy's answer over as the server's response).
  agent.on('proxyConnect', (answer: ConnectAnswer, req: ClientRequest) => {
    if (answer.statusCode !== 200)
      req.destroy(new ProxyRefusedError(shown, answer.statusCode, serverText(answer.statusText ?? '', secrets, 100)));
  });
  return { agent, proxy: shown, forward: false };
}
