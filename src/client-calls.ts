// How a client's operations are called, loaded by createLiveClient at the first call (or the first
// use of `client.api`): the openapi-fetch client over the generated schema, the operation's
// validators in front, the one parse point behind. createLiveClient itself only checks options, so
// a program that creates a client does not load openapi-fetch, the parse point or the signer.
// The operations table (and the validators' loaders it names) loads here, with the first call: the
// client, made at start, has only the method names (generated/client-methods.ts).
import { type ClientOperationId, clientOperations, type ServiceName } from '../generated/operations.js';
import type { paths } from '../generated/schema.js';
import type { OperationId } from './errors.js';
import { ValidationError } from './errors.js';
import { officialContentType } from './internal/official-content-type.js';
import { type Client, createClient } from './internal/openapi-fetch.js';
import { parseResponse } from './internal/parse.js';
import { requestIdOf } from './internal/request-id.js';
import { sensitiveValuesOf } from './internal/sensitive-values.js';
import { PlainRequest } from './transport/outgoing.js';
import type { FetchFunction } from './transport/sender.js';
import type { Transport } from './transport/transport-types.js';
import { assertValidRequest, validatorsOf } from './validate-request.js';

const PROJECT_ID_STAND_IN = '0'.repeat(32);

/** What the client made at creation and the calls use. */
export interface CallSetup {
  baseUrl: string;
  /** Live's transport (openapi-fetch's `api` uses it). */
  transport: Transport;
  /** Each service's transport: its own pace, and its own credentials header (CCM: the account id). */
  transportOf(service: ServiceName): Transport;
  /** Redaction list, growing as a provider returns secrets. */
  secrets: readonly string[];
  /** The project id when known now, else undefined. */
  knownProjectId(): string | undefined;
  /** The project id, found if needed. */
  projectIdOf(): string | Promise<string>;
  /** Each service's base URL (checked at its first call). */
  baseUrlOf(service: ServiceName): string;
}

/** A call's outcome: the checked 2xx body and the answer's request id (the client shapes the result). */
export interface Answer {
  parsed: unknown;
  requestId: string | undefined;
  /** The spec documents a JSON body for this operation's success (else the client answers a CallResult). */
  json: boolean;
}

export interface Calls {
  api: Client<paths>;
  callOperation(operation: ClientOperationId, given: unknown): Promise<Answer>;
}

export function clientCalls(setup: CallSetup): Calls {
  const { transport, secrets } = setup;
  const api = createClient<paths>({
    baseUrl: setup.baseUrl,
    fetch: transport.fetch,
    Request: PlainRequest as unknown as typeof Request,
  });

  // Each call carries its operation and timeout down to the transport, for errors and aborts.
  const via =
    (service: ServiceName, operation: OperationId, timeoutMs: number | undefined): FetchFunction =>
    (input, init) =>
      setup.transportOf(service).call(input as RequestInfo | PlainRequest, init, { operation, timeoutMs });

  // The one way every operation goes: spec -> generated table -> validated request -> transport ->
  // the one parse point. `operation` names the row of generated/operations.ts.
  const callOperation = async (operation: ClientOperationId, given: unknown): Promise<Answer> => {
    const row = clientOperations[operation];
    const { signal, timeoutMs, body, headers, path: named, query } = splitOptions(given, row.pathParams);
    const hasBody = row.body !== null;
    const parts = { query, ...(headers ? { header: headers } : {}), ...(hasBody ? { body } : {}) };
    const needsProject = (row.pathParams as readonly string[]).includes('project_id');
    // This operation's validators: loaded on its first call (a bundle or process carries no others).
    const validators = await validatorsOf(operation);
    // Bad input is refused before anything is sent, the IAM lookup of the project id included:
    // until the id is known its place is held by a valid stand-in (the found id is checked too).
    if (needsProject && setup.knownProjectId() === undefined)
      assertValidRequest(validators, { ...parts, path: { ...named, project_id: PROJECT_ID_STAND_IN } });
    const path = needsProject ? { ...named, project_id: await setup.projectIdOf() } : named;
    assertValidRequest(validators, { ...parts, path });
    const init = {
      baseUrl: setup.baseUrlOf(row.service),
      params: { path, query, ...(headers ? { header: headers } : {}) },
      ...(hasBody && body !== undefined ? { body } : {}),
      headers: { 'Content-Type': officialContentType(row.method, row.service) },
      signal: signal ?? null,
      fetch: via(row.service, operation, timeoutMs),
      // Every answer goes through the one parse point, which checks it against the spec.
      parseAs: 'text' as const,
    };
    const { data, error, response } = await (
      api[row.method] as (
        path: string,
        init: unknown,
      ) => Promise<{ data?: unknown; error?: unknown; response: Response }>
    )(row.path, init);
    // The credentials' secrets, and this call's own: the sensitive fields of its body (a private key).
    const bodySecrets = hasBody ? sensitiveValuesOf(body) : [];
    const callSecrets = bodySecrets.length ? [...secrets, ...bodySecrets] : secrets;
    const parsed = parseResponse<unknown>(operation, validators, response, { data, error }, callSecrets);
    return { parsed, requestId: requestIdOf(response.headers, callSecrets), json: row.success.json };
  };
  return { api, callOperation };
}

/** The caller's options split by where each goes: call controls, path, query, headers, body. */
function splitOptions(options: unknown, pathParams: readonly string[]) {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError([
      {
        field: 'options',
        message: `must be an object such as { domain }, got ${options === null ? 'null' : typeof options}`,
        rule: 'type',
      },
    ]);
  }
  // The spec's query parameters are the options that are not call controls, path parameters or the body.
  const { signal, timeoutMs, body, headers, ...rest } = options as Record<string, unknown>;
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  // Query parameters go on the wire sorted by name, as the official SDKs send them (the signature
  // sorts them anyway; the URL then reads the same as theirs).
  const byName = Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of byName) (pathParams.includes(name) ? path : query)[name] = value;
  return {
    signal: signal as AbortSignal | undefined,
    timeoutMs: timeoutMs as number | undefined,
    body,
    headers: headers as Record<string, string> | undefined,
    path,
    query,
  };
}
