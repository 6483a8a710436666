// Hostile servers that echo secrets: an IAM token (~3.6 kB) or a security token (~2.9 kB) in a
// 400's error_msg, in a huge body, and in the bytes that make a response unparseable (network
// error text). No 16-character piece of a secret survives in any form of the error.
import { afterEach, describe, expect, it } from 'vitest';
import { LiveApiError, LiveNetworkError } from '../../src/index.js';
import { type FaultServer, startFaultServer, startRawServer } from '../support/fault-server.js';
import {
  AKSK,
  everyForm,
  expectNoSecretIn,
  failure,
  hostileClient,
  IAM_TOKEN,
  outcomeOf,
  printOutcomesAfterAll,
  record,
  SECURITY_TOKEN,
  SENDERS,
} from './support.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
printOutcomesAfterAll('secrets echoed');

describe.each(SENDERS)('secrets echoed over $name', (sender) => {
  it.each([
    ['IAM token (3.6 kB) in a 400 error_msg', { token: IAM_TOKEN }, IAM_TOKEN],
    ['security token (2.9 kB) in a 400 error_msg', AKSK, SECURITY_TOKEN],
  ] as const)('%s: redacted in message, errorMsg, body, toJSON', async (label, credentials, secret) => {
    expect(secret.length).toBeGreaterThan(2800);
    const server = await startFaultServer((_req, res) =>
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: 'LIVE.100011001', error_msg: `bad token: ${secret} (as received)` })),
    );
    servers.push(server);
    const error = await failure(
      hostileClient(sender, server.url, { credentials }).showDomainHttpsCert({ domain: 'a.example.com' }),
    );
    expect(error).toBeInstanceOf(LiveApiError);
    const api = error as LiveApiError;
    expect(api.errorMsg).toContain('[REDACTED]');
    expect(api.errorMsg).toContain('(as received)');
    expect(api.body).toContain('[REDACTED]');
    expectNoSecretIn(everyForm(error));
    record(label, sender.name, outcomeOf(error, 'redacted'));
  });

  it('a token cut by the 64 kB read limit at the edge of an error body: the fragment is redacted too', async () => {
    // The token starts just before the read limit, so only its first part is read.
    const server = await startFaultServer((_req, res) =>
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`${'x'.repeat(64 * 1024 - 100)}${IAM_TOKEN}`),
    );
    servers.push(server);
    const error = await failure(
      hostileClient(sender, server.url, { credentials: { token: IAM_TOKEN }, retries: 0 }).showDomainHttpsCert({
        domain: 'a.example.com',
      }),
    );
    expect(error).toBeInstanceOf(LiveApiError);
    expectNoSecretIn(everyForm(error));
    record('token cut at the 64 kB read limit', sender.name, outcomeOf(error, 'redacted'));
  });

  it.each([
    ['junk instead of HTTP, starting with the token', () => `${IAM_TOKEN}\r\n\r\n`],
    [
      'duplicate Content-Length with the token in the body',
      () => `HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\n${IAM_TOKEN}`,
    ],
    [
      'bad chunk size followed by the token',
      () => `HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz${IAM_TOKEN}\r\n`,
    ],
    ['the token in a header with a control character', () => `HTTP/1.1 200 OK\r\nx-echo: ${IAM_TOKEN}\u0001\r\n\r\n`],
    [
      'a final 101 nobody asked for, then the token',
      () => `HTTP/1.1 101 Switching Protocols\r\nx-echo: ${IAM_TOKEN}\r\n\r\n${IAM_TOKEN}`,
    ],
  ])('network error text (%s): LiveNetworkError with message and cause redacted', async (label, answer) => {
    const server = await startRawServer(answer);
    servers.push(server);
    const error = await failure(
      hostileClient(sender, server.url, { credentials: { token: IAM_TOKEN }, retries: 1 }).showDomainHttpsCert({
        domain: 'a.example.com',
      }),
    );
    expect(error).toBeInstanceOf(LiveNetworkError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(error.cause).toBeInstanceOf(Error);
    expectNoSecretIn(everyForm(error));
    record(`network error: ${label}`, sender.name, outcomeOf(error, 'redacted'));
  });
});
