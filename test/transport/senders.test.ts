// Every way to the wire keeps the one sender contract.
import { chooseSender } from '../../src/transport/default-sender.js';
import { createNodeSender } from '../../src/node/index.js';
import { fetchSender, type FetchFunction } from '../../src/transport/sender.js';
import { senderContract } from './sender-contract.js';

/** A caller's own fetch: a wrapper, as apps pass one for logging or tests. */
const callersFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

senderContract('fetch (browsers, Deno, edge)', () => fetchSender((input, init) => globalThis.fetch(input, init)));
senderContract('node:http (live-https-cert/node)', () => createNodeSender());
senderContract("a caller's fetch", () => fetchSender(callersFetch));
senderContract('the default choice on Node (createLiveClient without fetch or sender)', () => chooseSender({}));
