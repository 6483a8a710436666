// The transport's contract: what createTransport takes and gives. Apart from live-transport.ts
// (which checks the options at once) and transport-loop.ts (loaded at the first call, which sends),
// so that both name these types without importing each other.
import type { OperationId } from '../errors.js';
import type { Env } from '../internal/runtime.js';
import type { LogOptions } from '../log/logger.js';
import type { CredentialsGate } from './credentials-gate.js';
import type { OutgoingRequest, PlainRequest } from './outgoing.js';
import type { Pacer, Timers } from './pacer.js';
import type { RetryTuning } from './retry-policy.js';
import type { FetchFunction, Sender } from './sender.js';

/**
 * Puts the credentials on a request; may return which credentials it used (an opaque identity),
 * so that credentials the gateway refused are not sent again.
 */
export type Authorize = (request: OutgoingRequest, date: Date) => Promise<string | void> | string | void;

export interface TransportOptions extends LogOptions {
  authorize: Authorize;
  /** The fetch that goes on the wire. Without `fetch` and `sender`: node:http on Node, else the global fetch. */
  fetch?: FetchFunction | undefined;
  /** Replaces `fetch` as the way to the wire (see Sender). */
  sender?: Sender | undefined;
  /** Requests in flight at once (more wait their turn), and the node:http sender's sockets per origin. Default 64. */
  maxSockets?: number | undefined;
  /** For that node:http sender: a proxy URL, or false; by default HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: string | false | undefined;
  /** Where the proxy variables are read, once; the process environment by default. */
  env?: Env | undefined;
  /** Per attempt, covering headers and body. Default 30 s; at most 2**31-1. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt: a whole number from 0 (none) to 10. Default 2 (at most 3 attempts). */
  retries?: number | undefined;
  retry?: RetryTuning | undefined;
  /** Values to remove from anything that goes into an error. */
  secrets?: readonly string[] | undefined;
  /** AK/SK signatures carry a date the gateway checks; token requests do not. */
  clockSensitive?: boolean | undefined;
  random?: (() => number) | undefined;
  /** Shared by the transports of one client: refused credentials are not sent again by any of them. */
  gate?: CredentialsGate | undefined;
  /** Paces the start of every attempt; shared by the transports of one client. Default: none. */
  pacer?: Pacer | undefined;
  /** The clock of retry waits (and of the pacer's); real time by default. */
  timers?: Timers | undefined;
}

export interface CallContext {
  operation?: OperationId | undefined;
  timeoutMs?: number | undefined;
}

export interface Transport {
  /** A fetch-compatible function: give it to openapi-fetch or to the generated client as `fetchApi`. */
  readonly fetch: FetchFunction;
  call(input: RequestInfo | URL | PlainRequest, init: RequestInit | undefined, context: CallContext): Promise<Response>;
  readonly gate: CredentialsGate;
}
