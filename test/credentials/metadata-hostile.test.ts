// A metadata service that lies about its answers (issue 16.6, 16.7): an endless chunked body must
// not grow memory (the answer is capped at a few kB, the rest never read), and a body that stalls
// after the headers is the provider's own "timed out" error (the CLI: no credentials, exit 2),
// never a raw DOMException. Real servers on 127.0.0.1.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialsNotFoundError, metadataCredentials } from '../../src/node/index.js';
import { runInProcess as runCli } from '../support/run-cli.js';

let server: Server | undefined;
const open: ServerResponse[] = [];
afterEach(async () => {
  for (const res of open.splice(0)) res.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function start(answer: (res: ServerResponse, path: string) => void): Promise<string> {
  server = createServer((req, res) => {
    open.push(res);
    answer(res, req.url ?? '');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** Sends 64 kB chunks for as long as the client reads; counts what it could write. */
function endless(res: ServerResponse, sent: { bytes: number }) {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) sent.bytes += chunk.length;
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

describe('metadata answers: capped and timed', () => {
  it('an endless chunked body is cut at the cap: a clear error, and the rest is never read', async () => {
    const sent = { bytes: 0 };
    const endpoint = await start((res) => endless(res, sent));
    const error = await metadataCredentials({ endpoint, timeoutMs: 5000 })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/metadata service: the answer to \S+ is larger than 8192 bytes/);
    // Stopped long before the timeout: the reader does not keep downloading.
    expect(sent.bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('a body that stalls after the headers is the provider\'s own "timed out", not a DOMException', async () => {
    const endpoint = await start((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"credential":');
    });
    const error = await metadataCredentials({ endpoint, timeoutMs: 300 })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsNotFoundError);
    expect((error as Error).message).toMatch(/metadata service: timed out after 300 ms/);
  });

  it('the CLI: a stalled metadata body means no credentials, exit 2', async () => {
    const endpoint = await start((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    });
    const result = await runCli(['show', '--domain', 'play.example.com', '--endpoint', 'http://127.0.0.1:9'], {
      LIVE_HTTPS_CERT_METADATA_ENDPOINT: endpoint,
      HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no credentials/);
    expect(result.stderr).toMatch(/metadata service: timed out/);
    expect(result.stderr).not.toMatch(/DOMException|aborted due to timeout/);
  }, 30_000);
});
