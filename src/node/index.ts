// live-https-cert/node: the same client on Node's own HTTP stack. The browser-safe entry stays
// free of node: imports; this one is for servers, scripts and the CLI. (Signing needs nothing
// extra: the default hash already uses Node's crypto when the runtime offers it.)
import { createLiveClient, type LiveClient, type LiveClientOptions } from '../client.js';
import { defaultCredentials } from '../credentials/chain.js';
import { createNodeSender } from './node-sender.js';

export * from '../credentials/index.js';

export { createNodeSender } from './node-sender.js';
export type { NodeSenderOptions } from './node-sender.js';

export type NodeLiveClientOptions = Omit<LiveClientOptions, 'credentials'> & {
  /** Explicit credentials or a provider; by default defaultCredentials() (env, file, metadata). */
  credentials?: LiveClientOptions['credentials'] | undefined;
};

/** createLiveClient with the node:http sender (a given `fetch` or `sender` still wins). */
export function createNodeLiveClient(options: NodeLiveClientOptions): LiveClient {
  return createLiveClient({
    ...(options.fetch ? {} : { sender: createNodeSender() }),
    ...options,
    credentials: options.credentials ?? defaultCredentials(),
  });
}
