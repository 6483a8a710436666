// live-https-cert/node: the client on Node's own HTTP stack, with Node's types for its options.
// createLiveClient already picks this sender on Node; this entry makes the choice explicit and
// lets a caller tune the sender (sockets per origin, an agent per URL such as a proxy agent).
import { createLiveClient, type LiveClient, type LiveClientOptions } from '../client.js';
import { createNodeSender } from './node-sender.js';

export { createNodeSender, DEFAULT_MAX_SOCKETS } from './node-sender.js';
export type { NodeSenderOptions } from './node-sender.js';

/** createLiveClient with the node:http sender (a given `fetch` or `sender` still wins). */
export function createNodeLiveClient(options: LiveClientOptions): LiveClient {
  if (options.fetch || options.sender) return createLiveClient(options);
  return createLiveClient({ ...options, proxy: undefined, sender: createNodeSender({ maxSockets: options.maxSockets, proxy: options.proxy }) });
}
