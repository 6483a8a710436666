// The node:http sender, typed with Node's own Agent for callers on this entry.
import type { Agent } from 'node:http';
import type { LogOptions } from '../log/logger.js';
import type { NodeSenderOptions as Options } from '../transport/node-sender.js';
import type { Env, ProxySetting } from '../transport/proxy-choice.js';
import { createProxiedNodeSender } from '../transport/proxy-sender.js';
import type { Sender } from '../transport/sender.js';

export { DEFAULT_MAX_SOCKETS } from '../transport/node-sender.js';

/** Options of the node:http sender; `agentFor` may return any node:http(s) Agent (a proxy agent, say). */
export interface NodeSenderOptions extends Options<Agent>, LogOptions {
  /** A proxy URL (`http://user:password@host:port`), or false for none; by default HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: ProxySetting;
  /** Where the proxy variables are read, once; process.env by default. */
  env?: Env | undefined;
}

export function createNodeSender(options: NodeSenderOptions = {}): Sender {
  return createProxiedNodeSender(options);
}
