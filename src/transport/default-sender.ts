// Which way to the wire a transport takes. The one place this is decided: a caller's sender, else
// a caller's fetch, else on Node its own HTTP stack (the fastest path there), else the runtime's
// fetch (browsers, Deno, Bun, edge runtimes).
import { isNode, nodeBuiltins } from './node-builtins.js';
import { createNodeSender } from './node-sender.js';
import { fetchSender, type FetchFunction, type Sender } from './sender.js';

export interface SenderChoice {
  sender?: Sender | undefined;
  fetch?: FetchFunction | undefined;
  /** Sockets per origin for the node:http sender. */
  maxSockets?: number | undefined;
}

export function chooseSender(choice: SenderChoice): Sender {
  if (choice.sender) return choice.sender;
  if (choice.fetch) return fetchSender(choice.fetch);
  const builtins = isNode() ? nodeBuiltins() : undefined;
  if (builtins) return createNodeSender({ maxSockets: choice.maxSockets }, builtins);
  return fetchSender((input, init) => globalThis.fetch(input, init));
}
