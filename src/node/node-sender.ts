// A Sender on node:http / node:https with keep-alive agents: the same requests as the fetch
// sender, for a fraction of the CPU (undici's fetch costs as much as the whole official SDK).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ProxyRefusedError } from '../transport/proxy-refused.js';
import { ResponseTooLargeError } from '../transport/read-body.js';
import type { BodyLimit, Sender, WireResponse } from '../transport/sender.js';
import type { OutgoingRequest } from '../transport/outgoing.js';
import { proxyRoutes, type ProxyRoute } from './proxy-agent.js';
import { type Env, proxyChoice, type ProxySetting } from './proxy-env.js';

export interface NodeSenderOptions {
  /** Sockets kept per host. Default: unlimited, as fetch. */
  maxSockets?: number;
  /** A proxy URL, or false for none; by default HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: ProxySetting;
  /** Where the proxy variables are read, once; process.env by default. */
  env?: Env;
}

export function createNodeSender(options: NodeSenderOptions = {}): Sender {
  const agentOptions = { keepAlive: true, ...(options.maxSockets ? { maxSockets: options.maxSockets } : {}) };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  const routes = proxyRoutes(proxyChoice(options.proxy, options.env ?? process.env), agentOptions);
  const send = (request: OutgoingRequest, signal: AbortSignal, bodyLimit: BodyLimit, route: ProxyRoute | undefined) =>
    new Promise<WireResponse>((resolve, reject) => {
      const secure = request.url.protocol === 'https:';
      const body = request.body && request.body.byteLength > 0 ? request.body : undefined;
      const headers: Record<string, string> = { ...request.headers };
      if (body) headers['content-length'] = String(body.byteLength);
      const path = `${request.url.pathname}${request.url.search}`;
      // A plain-http request through a proxy goes to the proxy, in absolute form, with the server's Host.
      const to = route?.forwardTo ?? request.url;
      if (route?.forwardTo) Object.assign(headers, route.forwardHeaders, { host: request.url.host });
      const req = (to.protocol === 'https:' ? httpsRequest : httpRequest)(
        {
          method: request.method,
          protocol: to.protocol,
          hostname: to.hostname.replace(/^\[|\]$/g, ''),
          port: to.port || undefined,
          path: route?.forwardTo ? `${request.url.origin}${path}` : path,
          headers,
          agent: route?.agent ?? (secure ? https : http),
          signal,
        },
        (res: IncomingMessage) => {
          const status = res.statusCode ?? 0;
          // Through a proxy, plain http is forwarded, and a 407 can only be the proxy's own answer.
          if (route && !secure && status === 407) {
            res.destroy();
            reject(new ProxyRefusedError(route.proxy, status, ''));
            return;
          }
          const { limit, truncate } = bodyLimit(status);
          const chunks: Buffer[] = [];
          let total = 0;
          let settled = false;
          const fail = (error: Error) => {
            if (settled) return;
            settled = true;
            reject(error);
          };
          const finish = () => {
            if (settled) return;
            settled = true;
            const headerPairs: [string, string][] = [];
            for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headerPairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
            const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
            resolve({ status, statusText: res.statusMessage ?? '', headers: headerPairs, body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
          };
          res.on('data', (chunk: Buffer) => {
            if (total + chunk.byteLength <= limit) {
              chunks.push(chunk);
              total += chunk.byteLength;
              return;
            }
            // Settle first, then stop reading: the rest of a huge body is never downloaded.
            if (truncate) {
              chunks.push(chunk.subarray(0, limit - total));
              total = limit;
              finish();
            } else {
              fail(new ResponseTooLargeError(`response body is larger than ${limit} bytes`));
            }
            res.destroy();
          });
          res.on('end', finish);
          res.on('error', fail);
          res.on('aborted', () => fail(new Error('the server closed the connection mid-body')));
        },
      );
      route?.watch?.(req, signal);
      req.on('error', (error) => reject(error));
      // node:http reports an abort only once the request has a socket; one still waiting for its
      // socket (a CONNECT the proxy never answers) must reject now too.
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => signal.removeEventListener('abort', onAbort));
      req.end(body);
    });
  return (request, signal, bodyLimit) => {
    const route = routes.routeFor(request.url);
    if (route === undefined) return send(request, signal, bodyLimit, undefined);
    return Promise.resolve(route).then((known) => send(request, signal, bodyLimit, known));
  };
}
