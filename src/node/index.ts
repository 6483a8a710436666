// live-https-cert/node: the same client on Node's own HTTP stack. The browser-safe entry stays
// free of node: imports; this one is for servers, scripts and the CLI. (Signing needs nothing
// extra: the default hash already uses Node's crypto when the runtime offers it.)
import { createLiveClient, type LiveClient, type LiveClientOptions } from '../client.js';
import { ConfigurationError } from '../errors.js';
import { createNodeSender } from './node-sender.js';

export { createNodeSender } from './node-sender.js';
export type { NodeSenderOptions } from './node-sender.js';

/** createLiveClient with the node:http sender (a given `fetch` or `sender` still wins). */
export function createNodeLiveClient(options: LiveClientOptions): LiveClient {
  if (options.proxy !== undefined && (options.fetch || options.sender)) {
    throw new ConfigurationError('proxy', 'proxy applies to the built-in Node sender; a fetch or sender of your own must bring its own proxy');
  }
  return createLiveClient({ ...(options.fetch ? {} : { sender: createNodeSender({ proxy: options.proxy }) }), ...options });
}
