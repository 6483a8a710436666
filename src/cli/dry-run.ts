// --dry-run: the client's wire is a recording sender. Each domain's calls run inside their own
// recording scope (AsyncLocalStorage follows the awaits of that call, whichever other domains run
// at the same time), so the request a result shows is always its own domain's. What is kept is the
// redacted request only, made the moment the request is "sent": no body, no key text, no
// signature value outlives the sender call, and the scope goes with the domain's result.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sender } from '../transport/sender.js';
import { type RedactedRequest, redactedRequest } from './output.js';

/** Where one domain's recorded request lands. */
interface Scope {
  request?: RedactedRequest;
  answer?: RecordedAnswer | undefined;
}

/** What the recorder answers instead of the API, when a call needs more than an empty success. */
export interface RecordedAnswer {
  status: number;
  json: unknown;
}

export interface Recorder {
  /** The sender to give the client: records (redacted) and answers as the API would, sending nothing. */
  sender: Sender;
  /** Runs one domain's call; the request it would have sent comes back with its result. */
  record<T>(
    call: () => Promise<T>,
    answer?: RecordedAnswer,
  ): Promise<{ result: T; request: RedactedRequest | undefined }>;
}

export function createRecorder(secrets: readonly string[]): Recorder {
  const scopes = new AsyncLocalStorage<Scope>();
  const decoder = new TextDecoder();
  const sender: Sender = async (request) => {
    const scope = scopes.getStore();
    // A request outside any scope (none today) is answered and not kept.
    if (scope && scope.request === undefined) {
      // As the AK/SK signer signed it (it keeps the text on the request); none for a token.
      const canonicalRequest = request.signed?.canonicalRequest;
      scope.request = redactedRequest({
        method: request.method,
        url: request.url.href,
        headers: request.headers,
        body: request.body ? decoder.decode(request.body) : '',
        secrets,
        ...(canonicalRequest === undefined ? {} : { canonicalRequest }),
      });
    }
    if (scope?.answer)
      return {
        status: scope.answer.status,
        statusText: 'OK',
        headers: [['content-type', 'application/json']],
        body: new TextEncoder().encode(JSON.stringify(scope.answer.json)),
      };
    return request.method === 'GET'
      ? {
          status: 200,
          statusText: 'OK',
          headers: [['content-type', 'application/json']],
          body: new TextEncoder().encode('{}'),
        }
      : { status: 204, statusText: 'No Content', headers: [], body: new Uint8Array(0) };
  };
  return {
    sender,
    async record(call, answer) {
      const scope: Scope = { answer };
      const result = await scopes.run(scope, call);
      return { result, request: scope.request };
    },
  };
}
