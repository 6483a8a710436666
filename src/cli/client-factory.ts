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

export async function commandClient(values: ParsedValues, env: Env, warn?: (message: string) => void): Promise<CommandClient> {
  const options = await clientOptionsFrom(values, env, warn);
  const captured: CapturedRequest[] = [];
  if (!values['dry-run']) {
    const client = createNodeLiveClient(options);
    // A project id that has to be looked up is looked up once, before any domain starts.
    await client.resolveProjectId();
    return { client, captured };
  }
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
