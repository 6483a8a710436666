// The default sender on Node: node:http with the proxies of the `proxy` option or of HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY. The settings are checked when the client is made (a bad proxy URL is a
// ConfigurationError then); the sender and the proxy choice (proxy-sender.ts, node-sender.ts) are
// loaded at the first request. Node only: package.json's "browser" field leaves this file, and
// so everything it loads, out of browser bundles.
import { runtimeEnv } from '../internal/runtime.js';
import type { LogOptions } from '../log/logger.js';
import { madeAtFirstUse } from './made-at-first-use.js';
import { proxySettings, type ProxySetting } from './proxy-setting.js';
import type { Env } from '../internal/runtime.js';
import type { Sender } from './sender.js';

export interface NodeSenderChoice extends LogOptions {
  maxSockets?: number | undefined;
  proxy?: ProxySetting;
  env?: Env | undefined;
}

/**
 * The node:http sender with its proxies, made at the first request from the settings checked now
 * (node:http, node:https and node:zlib are taken from the runtime then, not at the client's creation).
 */
export function nodeSender(choice: NodeSenderChoice): Sender {
  const env = proxySettings(choice.proxy, choice.env ?? runtimeEnv());
  return madeAtFirstUse(() =>
    import('./proxy-sender.js').then((m) =>
      m.createProxiedNodeSender({
        maxSockets: choice.maxSockets,
        proxy: choice.proxy,
        env,
        logLevel: choice.logLevel,
        logger: choice.logger,
      }),
    ),
  );
}
