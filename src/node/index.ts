// live-https-cert/node: the client on Node's own HTTP stack, with Node's types for its options.
// createLiveClient already picks this sender on Node; this entry makes the choice explicit and
// lets a caller tune the sender (sockets per origin, an agent per URL such as a proxy agent).
// It also defaults the credentials to the provider chain (env, file, metadata), which needs Node.
import { createLiveClient, type LiveClient, type LiveClientOptions } from '../client.js';
import { defaultCredentials } from '../credentials/chain.js';
import { createNodeSender } from './node-sender.js';

export * from '../credentials/index.js';

export { createNodeSender, DEFAULT_MAX_SOCKETS } from './node-sender.js';
export type { NodeSenderOptions } from './node-sender.js';

export type NodeLiveClientOptions = Omit<LiveClientOptions, 'credentials'> & {
  /** Explicit credentials or a provider; by default defaultCredentials() (env, file, metadata). */
  credentials?: LiveClientOptions['credentials'] | undefined;
};

/** createLiveClient with the node:http sender (a given `fetch` or `sender` still wins). */
export function createNodeLiveClient(options: NodeLiveClientOptions): LiveClient {
  const logging = { logLevel: options.logLevel, logger: options.logger };
  const withCredentials: LiveClientOptions = {
    ...options,
    credentials: options.credentials ?? defaultCredentials({ env: options.env, ...logging }),
  };
  if (options.fetch || options.sender) return createLiveClient(withCredentials);
  return createLiveClient({
    ...withCredentials,
    proxy: undefined,
    sender: createNodeSender({ maxSockets: options.maxSockets, proxy: options.proxy, env: options.env, ...logging }),
  });
}
