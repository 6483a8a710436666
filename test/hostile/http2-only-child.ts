// Run by http2-only.test.ts in a child process started with NODE_EXTRA_CA_CERTS (Node reads it
// only at start, and the default sender must trust the test CA as it would a real one): calls each
// case's server over its sender, or runs the CLI in this process, and prints what happened as JSON.
import { createLiveClient, LiveHttp2OnlyError, LiveNetworkError, type LiveClientOptions } from '../../src/index.js';
import { createNodeLiveClient, createNodeSender } from '../../src/node/index.js';
import { hintFor } from '../../src/cli/exit-codes.js';
import { fetchSender } from '../../src/transport/sender.js';
import { runInProcess } from '../support/run-cli.js';

interface Case {
  label: string;
  url: string;
  /** How the request goes: a library sender, or the CLI. */
  via: 'default' | 'node entry' | 'node sender' | 'fetch sender' | 'caller fetch' | 'proxy' | 'cli' | 'cli proxy';
  proxy?: string;
}

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const TOKEN = 'http2-only-child-token-0123456789';
const cases = JSON.parse(process.argv[2] ?? '[]') as Case[];
const globalFetch = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);

function senderOptions(c: Case): Partial<LiveClientOptions> {
  switch (c.via) {
    case 'node sender':
      return { sender: createNodeSender({ proxy: false }) };
    case 'fetch sender':
      return { sender: fetchSender(globalFetch) };
    case 'caller fetch':
      return { fetch: globalFetch };
    case 'proxy':
      return { proxy: c.proxy };
    default:
      return { proxy: false };
  }
}

const results: Record<string, unknown>[] = [];
for (const c of cases) {
  if (c.via === 'cli' || c.via === 'cli proxy') {
    const env: Record<string, string> = { HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID };
    if (c.proxy) env['HTTPS_PROXY'] = c.proxy;
    const text = await runInProcess(['show', '--domain', 'a.example.com', '--endpoint', c.url], env);
    const json = await runInProcess(['show', '--domain', 'a.example.com', '--endpoint', c.url, '--json'], env);
    results.push({ label: c.label, text, json });
    continue;
  }
  const options = {
    projectId: PROJECT_ID,
    endpoint: c.url,
    credentials: { token: TOKEN },
    // Retries allowed, and short: a retry would show on the server's count.
    retries: 2,
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
    requestsPerMinute: 0,
    ...senderOptions(c),
  };
  const client = c.via === 'node entry' ? createNodeLiveClient(options) : createLiveClient(options);
  try {
    const info = await client.showDomainHttpsCert({ domain: 'a.example.com' });
    results.push({ label: c.label, ok: true, info });
  } catch (error) {
    const e = error as Error & { attempts?: number; toJSON?: () => unknown };
    results.push({
      label: c.label,
      ok: false,
      name: e.name,
      message: e.message,
      attempts: e.attempts,
      json: e.toJSON?.(),
      hint: hintFor(error),
      typed: error instanceof LiveHttp2OnlyError,
      network: error instanceof LiveNetworkError,
    });
  }
}
process.stdout.write(JSON.stringify(results));
