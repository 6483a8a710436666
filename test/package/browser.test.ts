// A real browser: headless Chromium loads the bundled client entry from a page on 127.0.0.1 and
// calls a verifying server on another origin (CORS), once with a token and once signed with
// AK/SK through Web Crypto. The server recomputes the signature. Nothing Node-specific is needed.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const CHROMIUM = '/usr/bin/chromium';
const AK = 'BROWSERTESTAK';
const SK = 'browser-test-secret-key';
let page: Server;
let pageUrl: string;
let api: VerifyingServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run and npm run setup do`,
    );
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  page = createServer((req, res) => {
    if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          '<!doctype html><title>live-https-cert</title><script type="module">import * as live from "/client.js"; window.live = live;</script>',
        );
    }
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  api = await startVerifyingServer({ keys: { [AK]: SK }, tokens: ['browser-token-value'], cors: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
});

describe('the client entry in headless Chromium', () => {
  it('shows a domain with a token and with an AK/SK signature the server verifies', async () => {
    const tab = await browser.newPage();
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => 'live' in window);
    const results = await tab.evaluate(
      async ({ apiUrl, ak, sk }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const { createLiveClient, LiveApiError } = (window as any).live;
        const byToken = createLiveClient({
          projectId: '0123456789abcdef0123456789abcdef',
          endpoint: apiUrl,
          credentials: { token: 'browser-token-value' },
        });
        const bySignature = createLiveClient({
          projectId: '0123456789abcdef0123456789abcdef',
          endpoint: apiUrl,
          credentials: { accessKey: ak, secretKey: sk },
        });
        const wrongKey = createLiveClient({
          projectId: '0123456789abcdef0123456789abcdef',
          endpoint: apiUrl,
          credentials: { accessKey: ak, secretKey: 'wrong' },
        });
        const token = await byToken.showDomainHttpsCert({ domain: 'play.example.com' });
        const signed = await bySignature.showDomainHttpsCert({ domain: 'play.example.com' });
        const refused = await wrongKey.showDomainHttpsCert({ domain: 'play.example.com' }).catch((e: unknown) => e);
        return {
          token: token.certificate_format,
          signed: signed.certificate_format,
          refused:
            refused instanceof LiveApiError
              ? `${refused.status} ${refused.errorCode} ${refused.requestId}`
              : String(refused),
          secure: globalThis.isSecureContext,
          node: typeof (globalThis as { process?: unknown }).process,
        };
      },
      { apiUrl: api.url, ak: AK, sk: SK },
    );
    // Request ids count the CORS preflights too.
    expect(results).toEqual({
      token: 'PEM',
      signed: 'PEM',
      refused: expect.stringMatching(/^401 APIGW\.0301 verify-\d+$/),
      secure: true,
      node: 'undefined',
    });
    expect(api.received.map((r) => r.verdict)).toEqual(['ok', 'ok', 'bad-signature']);
    expect(api.received[1]?.headers['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=BROWSERTESTAK, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=/,
    );
    expect(api.received[1]?.headers['origin']).toBe(pageUrl.slice(0, -1));
  });
});
