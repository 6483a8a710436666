// A Sender on Node's http/https modules with keep-alive agents: the same requests as the fetch
// sender for a fraction of the CPU (undici's fetch costs as much as the whole official SDK). It
// takes the modules from the runtime (see node-builtins.ts), so createLiveClient can choose it on
// Node without any `node:` import in the client entry.
import { type NodeBuiltins, nodeBuiltins, type NodeIncomingMessage } from './node-builtins.js';
import { ACCEPT_ENCODING, type ByteSink, decodingPipeline } from './node-decode.js';
import { checkMaxSockets, DEFAULT_MAX_SOCKETS } from './options.js';
import { ResponseTooLargeError } from './read-body.js';
import type { Sender, WireResponse } from './sender.js';

/** Sockets per origin unless told otherwise: enough for the CLI's widest fleet without opening thousands. */
export { DEFAULT_MAX_SOCKETS };

export interface NodeSenderOptions<Agent = unknown> {
  /** Sockets per origin (the agent's maxSockets); calls beyond it wait for a free socket. Default 64. */
  maxSockets?: number | undefined;
  /**
   * The agent for a request's URL (for example a proxy agent); undefined falls back to this
   * sender's own keep-alive agents. Called once per attempt.
   */
  agentFor?: ((url: URL) => Agent | undefined) | undefined;
}

/** Thrown where the runtime offers no node:http (a browser, an edge runtime). */
export class NodeHttpUnavailableError extends Error {
  override name = 'NodeHttpUnavailableError';
}

function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function createNodeSender(
  options: NodeSenderOptions = {},
  builtins: NodeBuiltins | undefined = nodeBuiltins(),
): Sender {
  if (!builtins)
    throw new NodeHttpUnavailableError(
      'this runtime offers no node:http (getBuiltinModule of the global process object); use the fetch sender',
    );
  const maxSockets = checkMaxSockets(options.maxSockets) ?? DEFAULT_MAX_SOCKETS;
  const { http, https, zlib } = builtins;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets }),
  };

  return (request, signal, bodyLimit) =>
    new Promise<WireResponse>((resolve, reject) => {
      const secure = request.url.protocol === 'https:';
      const body = request.body && request.body.byteLength > 0 ? request.body : undefined;
      const headers: Record<string, string> = { ...request.headers };
      // As the official SDK (python-requests) frames it: a DELETE without a body says `0`.
      if (body) headers['content-length'] = String(body.byteLength);
      else if (request.method !== 'GET' && request.method !== 'HEAD') headers['content-length'] = '0';
      // Asked for as the official SDK asks for it; decoded below, with the limits on the decoded bytes.
      headers['accept'] ??= '*/*';
      headers['accept-encoding'] ??= ACCEPT_ENCODING;
      let settled = false;
      let stop: () => void = () => undefined;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        stop();
        reject(error);
      };
      // Reject at once with the signal's reason; node's own abort handling may report later.
      const onAbort = () => fail(signal.reason);
      if (signal.aborted) return fail(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });

      const req = (secure ? https : http).request(
        {
          method: request.method,
          protocol: request.url.protocol,
          hostname: request.url.hostname.replace(/^\[|\]$/g, ''),
          port: request.url.port || undefined,
          path: `${request.url.pathname}${request.url.search}`,
          headers,
          agent: options.agentFor?.(request.url) ?? (secure ? agents.https : agents.http),
          signal,
        },
        (res: NodeIncomingMessage) => {
          const status = res.statusCode ?? 0;
          if (status < 200) {
            // node hands a final 1xx (a 101 nobody asked for) to the caller; fetch calls it a
            // broken connection. One behaviour: a protocol error, as fetch has it.
            res.destroy();
            return fail(new Error(`the server answered with HTTP ${status} as a final response (a protocol error)`));
          }
          const { limit, truncate } = bodyLimit(status);
          const chunks: Uint8Array[] = [];
          let total = 0;
          const finish = () => {
            if (settled) return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            resolve({
              status,
              statusText: res.statusMessage ?? '',
              headers: headerPairs(res.rawHeaders),
              body: concat(chunks, total),
            });
          };
          // Limits count decoded bytes: a small gzip bomb is cut at the limit like a big body.
          const reader: ByteSink = {
            data(chunk) {
              if (settled) return;
              if (total + chunk.byteLength <= limit) {
                chunks.push(chunk);
                total += chunk.byteLength;
                return;
              }
              if (truncate) {
                chunks.push(chunk.subarray(0, limit - total));
                total = limit;
                finish();
              } else {
                fail(new ResponseTooLargeError(`response body is larger than ${limit} bytes`));
              }
              // Settled first, then stop: the rest of a huge body is never downloaded or inflated.
              pipeline.destroy();
            },
            end: finish,
            error: fail,
            destroy: () => res.destroy(),
          };
          const encoding = res.headers['content-encoding'];
          const decodes = request.method !== 'HEAD' && status !== 204 && status !== 304;
          const pipeline = decodes
            ? decodingPipeline(typeof encoding === 'string' ? encoding : undefined, zlib, reader)
            : reader;
          stop = () => pipeline.destroy();
          res.on('data', (chunk) => pipeline.data(chunk));
          res.on('end', () => pipeline.end());
          res.on('error', fail);
          res.on('aborted', () => fail(new Error('the server closed the connection mid-body')));
        },
      );
      stop = () => req.destroy();
      req.on('error', fail);
      req.end(body);
    });
}
