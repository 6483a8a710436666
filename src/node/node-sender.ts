// The node:http sender, typed with Node's own Agent for callers on this entry.
import type { Agent } from 'node:http';
import { createNodeSender as createSender, type NodeSenderOptions as Options } from '../transport/node-sender.js';
import type { Sender } from '../transport/sender.js';

export { DEFAULT_MAX_SOCKETS } from '../transport/node-sender.js';

/** Options of the node:http sender; `agentFor` may return any node:http(s) Agent (a proxy agent, say). */
export type NodeSenderOptions = Options<Agent>;

export function createNodeSender(options: NodeSenderOptions = {}): Sender {
  return createSender(options);
}
