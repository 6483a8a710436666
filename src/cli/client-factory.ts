// The client a command uses: the real one, or for --dry-run one whose wire is a recorder.
import { createLiveClient, type LiveClient } from '../client.js';
import { createNodeLiveClient } from '../node/index.js';
import type { ParsedValues } from './args.js';
import type { CapturedRequest } from './output.js';
import { clientOptionsFrom, type Env } from './settings.js';

export interface CommandClient {
  client: LiveClient;
  /** Requests a dry run would have sent (empty when sending for real). */
  captured: CapturedRequest[];
}

export function commandClient(values: ParsedValues, env: Env): CommandClient {
  const options = clientOptionsFrom(values, env);
  const captured: CapturedRequest[] = [];
  if (!values['dry-run']) return { client: createNodeLiveClient(options), captured };
  const client = createLiveClient({
    ...options,
    retries: 0,
    // The request is validated and signed for real; only the network is replaced.
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      captured.push({ method: request.method, url: request.url, headers, body: await request.text() });
      return request.method === 'GET' ? Response.json({}) : new Response(null, { status: 204 });
    },
  });
  return { client, captured };
}
