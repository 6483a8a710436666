// The one way requests leave the client: createTransport checks its options at once (a clear
// error before anything is sent) and loads the loop that signs, sends, times out and retries
// (transport-loop.ts) at its first call, so a program that only creates a client does not load
// it. It has the shape of fetch, so both openapi-fetch and the openapi-generator client can use it.
import { createLog } from '../log/logger.js';
import { createCredentialsGate } from './credentials-gate.js';
import { chooseSender } from './default-sender.js';
import {
  checkMaxSockets,
  checkRetries,
  checkSignal,
  checkTimeout,
  DEFAULT_MAX_SOCKETS,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
} from './options.js';
import { createPacer, realTimers } from './pacer.js';
import type { CheckedCall } from './transport-loop.js';
import type { Transport, TransportOptions } from './transport-types.js';

export type { BodyLimit, FetchFunction, Sender, WireResponse } from './sender.js';
export type { Authorize, CallContext, Transport, TransportOptions } from './transport-types.js';
export { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS } from './options.js';

export function createTransport(options: TransportOptions): Transport {
  const defaultTimeout =
    options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, 'timeoutMs');
  const maxSockets = checkMaxSockets(options.maxSockets) ?? DEFAULT_MAX_SOCKETS;
  const log = createLog(options);
  const send = chooseSender({
    sender: options.sender,
    fetch: options.fetch,
    maxSockets,
    proxy: options.proxy,
    env: options.env,
    logLevel: log.level,
    logger: options.logger,
  });
  const retries = checkRetries(options.retries) ?? DEFAULT_RETRIES;
  const gate = options.gate ?? createCredentialsGate();
  const timers = options.timers ?? realTimers;
  const pacer = options.pacer ?? createPacer(0, timers);
  let loop: Promise<CheckedCall> | undefined;
  const call: Transport['call'] = async (input, init, context) => {
    // Checked before anything is sent, for every call (the client's default was checked once).
    const timeoutMs = context.timeoutMs === undefined ? defaultTimeout : checkTimeout(context.timeoutMs, 'timeoutMs');
    checkSignal(init?.signal ?? (input as { signal?: unknown }).signal);
    // Loaded once per transport; a failed load (a chunk a browser could not fetch) is tried again.
    loop ??= import('./transport-loop.js')
      .then((m) => m.transportLoop({ options, maxSockets, retries, log, send, gate, timers, pacer }))
      .catch((error: unknown) => {
        loop = undefined;
        throw error;
      });
    return (await loop)(input, init, { ...context, timeoutMs });
  };
  return {
    fetch: (input, init) => call(input, init, {}),
    call,
    gate,
  };
}
