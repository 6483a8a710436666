// live-https-cert/node: the same client on Node's own HTTP stack and hashing. The browser-safe
// entry stays free of node: imports; this one is for servers, scripts and the CLI.
import { createLiveClient, type LiveClient, type LiveClientOptions } from '../client.js';
import { nodeHash } from './node-hash.js';
import { createNodeSender } from './node-sender.js';

export { createNodeSender } from './node-sender.js';
export type { NodeSenderOptions } from './node-sender.js';
export { nodeHash } from './node-hash.js';

/** createLiveClient with the node:http sender and node:crypto hashing (a given `fetch` still wins). */
export function createNodeLiveClient(options: LiveClientOptions): LiveClient {
  return createLiveClient({
    signingHash: nodeHash,
    ...(options.fetch ? {} : { sender: createNodeSender() }),
    ...options,
  });
}
