// Which way to the wire a transport takes. The one place this is decided: a caller's sender or a
// caller's fetch (not both: which one would send is not obvious), else on Node its own HTTP stack
// (the fastest path there), else the runtime's fetch (browsers, Deno, Bun, edge runtimes).
// The Node path (node-default-sender.ts) is left out of browser bundles by package.json's
// "browser" field: a browser never takes it (no node:http there).
import { ConfigurationError } from '../errors.js';
import type { LogOptions } from '../log/logger.js';
import { isNode, offersBuiltinModules } from '../internal/runtime.js';
import { nodeSender } from './node-default-sender.js';
import type { Env } from '../internal/runtime.js';
import type { ProxySetting } from './proxy-setting.js';
import { madeAtFirstUse } from './made-at-first-use.js';
import type { FetchFunction, Sender } from './sender.js';

export interface SenderChoice extends LogOptions {
  sender?: Sender | undefined;
  fetch?: FetchFunction | undefined;
  /** Sockets per origin for the node:http sender. */
  maxSockets?: number | undefined;
  /** For the node:http sender: a proxy URL or false; by default HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: ProxySetting;
  /** Where the proxy variables are read; the process environment by default. */
  env?: Env | undefined;
}

export function chooseSender(choice: SenderChoice): Sender {
  if (choice.proxy !== undefined && (choice.sender || choice.fetch)) {
    throw new ConfigurationError(
      'proxy',
      'proxy applies to the built-in Node sender; a fetch or sender of your own must bring its own proxy',
    );
  }
  if (choice.sender && choice.fetch) {
    throw new ConfigurationError('fetch', 'give fetch or sender, not both: each is a whole way to the wire');
  }
  if (choice.sender) return choice.sender;
  if (choice.fetch) return viaFetch(choice.fetch);
  // Node's HTTP modules themselves load with the sender, at the first request.
  if (isNode() && offersBuiltinModules()) return nodeSender(choice);
  if (choice.proxy) {
    throw new ConfigurationError(
      'proxy',
      "proxy is for Node; in browsers and other runtimes the runtime's own proxy settings apply",
    );
  }
  return viaFetch((input, init) => globalThis.fetch(input, init));
}

/** The portable sender over a fetch (sender.ts, loaded at the first request). */
function viaFetch(fetchImpl: FetchFunction): Sender {
  return madeAtFirstUse(() => import('./sender.js').then((m) => m.fetchSender(fetchImpl)));
}
