// The client a command uses: the real one, or for --dry-run one whose wire is a recorder.
import { computeSignature } from '../auth/aksk-signer.js';
import { secretsOf } from '../auth/credentials.js';
import { sha256Digest, sm3Digest } from '../auth/hash.js';
import { createLiveClient, type LiveClient } from '../client.js';
import { createNodeLiveClient } from '../node/index.js';
import type { ParsedValues } from './args.js';
import type { CapturedRequest } from './output.js';
import type { CredentialsState } from '../transport/credentials-gate.js';
import { clientSettingsFrom, type Env } from './settings.js';

export interface CommandClient {
  client: LiveClient;
  /** A client that really sends, for reads a dry run still makes (what is deployed). */
  reader: LiveClient;
  /** Requests a dry run would have sent (empty when sending for real). */
  captured: CapturedRequest[];
  /** The secrets of the credentials the chain resolved first, for redacting what is printed. */
  secrets: string[];
  /** What the answers so far showed of the credentials (refused by either client counts). */
  credentialsState: () => CredentialsState;
}

const SIGNED_HEADERS = /SignedHeaders=([a-z0-9;-]+)/;

/** The canonical request of a captured AK/SK-signed request, recomputed as the gateway would. */
async function canonicalOf(
  request: Request,
  headers: Record<string, string>,
  body: string,
): Promise<string | undefined> {
  const authorization = headers['authorization'] ?? '';
  const signed = SIGNED_HEADERS.exec(authorization)?.[1];
  if (!signed) return undefined;
  const url = new URL(request.url);
  // The digest the signature was made with: the canonical request hashes the body with it.
  const digest = authorization.startsWith('SDK-HMAC-SM3 ') ? sm3Digest() : sha256Digest();
  const { canonicalRequest } = await computeSignature(
    {
      method: request.method,
      url,
      headers: { ...headers, host: url.host },
      signedHeaders: signed.split(';'),
      body: body ? new TextEncoder().encode(body) : undefined,
    },
    () => '',
    digest,
  );
  return canonicalRequest;
}

// Async (and taking a warning printer) because the credentials may come from a file or the
// metadata service, and a missing project id is looked up at IAM.
export async function commandClient(
  values: ParsedValues,
  env: Env,
  warn?: (message: string) => void,
): Promise<CommandClient> {
  const { options, first } = await clientSettingsFrom(values, env, warn);
  // The options hold a provider; its first answer is what this command signs with.
  const secrets = secretsOf(first);
  const captured: CapturedRequest[] = [];
  const real = createNodeLiveClient(options);
  if (!values['dry-run']) {
    // A project id that has to be looked up is looked up once, before any domain starts.
    await real.resolveProjectId();
    return { client: real, reader: real, captured, secrets, credentialsState: () => real.credentialsState };
  }
  const client = createLiveClient({
    ...options,
    // Its "attempts" reach a recorder, not the API: no attempt lines that look like real calls.
    logLevel: options.logLevel === 'off' ? 'off' : 'warn',
    retries: 0,
    // The request is validated and signed for real; only the network is replaced.
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      const body = await request.text();
      const canonicalRequest = await canonicalOf(request, headers, body);
      captured.push({
        method: request.method,
        url: request.url,
        headers,
        body,
        secrets,
        ...(canonicalRequest === undefined ? {} : { canonicalRequest }),
      });
      return request.method === 'GET' ? Response.json({}) : new Response(null, { status: 204 });
    },
  });
  // A dry run's own answers are made up: only the reader's real answers say anything of the credentials.
  const credentialsState = (): CredentialsState =>
    real.credentialsState === 'refused' || client.credentialsState === 'refused' ? 'refused' : real.credentialsState;
  return { client, reader: real, captured, secrets, credentialsState };
}
