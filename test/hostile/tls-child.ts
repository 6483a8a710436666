// Run by tls.test.ts in a child process started with NODE_EXTRA_CA_CERTS (Node reads it only at
// start): calls each URL of argv over every sender and prints what happened as JSON.
import { createLiveClient } from '../../src/index.js';
import { fetchSender } from '../../src/transport/sender.js';

const urls = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
const senders = {
  fetch: { sender: fetchSender((input, init) => globalThis.fetch(input, init)) },
  'node:http': {},
  'caller fetch': { fetch: (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init) },
};
const results: Record<string, unknown>[] = [];
for (const [label, url] of Object.entries(urls)) {
  for (const [sender, options] of Object.entries(senders)) {
    const client = createLiveClient({
      projectId: '0123456789abcdef0123456789abcdef',
      endpoint: url,
      credentials: { token: 'tls-child-token-0123456789' },
      retry: { baseDelayMs: 10, maxDelayMs: 20 },
      ...options,
    });
    try {
      const info = await client.showDomainHttpsCert({ domain: 'a.example.com' });
      results.push({ label, sender, ok: true, info });
    } catch (error) {
      const e = error as Error & { code?: string; attempts?: number };
      results.push({ label, sender, ok: false, name: e.name, code: e.code, attempts: e.attempts, message: e.message });
    }
  }
}
process.stdout.write(JSON.stringify(results));
