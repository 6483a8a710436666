// The sender contract, clause by clause, for the node:http sender when a proxy carries the
// traffic: plain http in absolute form through a real proxy on 127.0.0.1 must behave exactly as
// the direct senders do (bodies, limits, decoding, aborts, 3xx returned and never followed).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNodeSender } from '../../src/node/index.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';
import { senderContract } from '../transport/sender-contract.js';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy.stop();
});

senderContract('node:http through an HTTP_PROXY (absolute form)', () =>
  createNodeSender({ env: { HTTP_PROXY: proxy.url } }),
);

it('the proxy carried the contract traffic', () => {
  expect(proxy.seen.length).toBeGreaterThan(10);
  expect(proxy.seen.every((s) => s.target.startsWith('http://127.0.0.1:'))).toBe(true);
});
