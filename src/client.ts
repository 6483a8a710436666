// createLiveClient: the typed openapi-fetch client over the generated schema, with the transport
// (auth, timeouts, retries) underneath and validation in front.
import { type Client, createClient } from './internal/openapi-fetch.js';
import type { paths } from '../generated/schema.js';
import { createAuthorizer } from './auth/authorize.js';
import { type Credentials, isAkSk, secretsOf } from './auth/credentials.js';
import type { SigningHash } from './auth/hash.js';
import { ConfigurationError, type OperationId, ValidationError } from './errors.js';
import { parseResponse } from './internal/parse.js';
import { type LiveRegion, resolveEndpoint } from './regions.js';
import { createTransport, type FetchFunction, type Sender, type Transport } from './transport/live-transport.js';
import { PlainRequest } from './transport/outgoing.js';
import type { RetryTuning } from './transport/retry-policy.js';
import { assertValidRequest, projectIdProblems } from './validate.js';

export interface LiveClientOptions {
  /** The project ID of the region (IAM console, "My Credentials"). */
  projectId: string;
  /** A Live region; `cn-north-4` by default. Ignored when `endpoint` is given. */
  region?: LiveRegion | undefined;
  /** Any base URL (another host, a port, http for local tests); wins over `region`. */
  endpoint?: string | undefined;
  credentials: Credentials;
  /** The fetch that goes on the wire; the global fetch by default. */
  fetch?: FetchFunction | undefined;
  /** A lower-level way to the wire than fetch. Without `fetch` and `sender`: node:http on Node, else the global fetch. */
  sender?: Sender | undefined;
  /**
   * Node only: a proxy URL (`http://user:password@host:port`; CONNECT for https), or `false` for
   * none. By default HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured, as curl reads them.
   */
  proxy?: string | false | undefined;
  /** Requests in flight at once on every sender (more wait their turn, within their timeout); the node:http sender's sockets per origin. Default 64. */
  maxSockets?: number | undefined;
  /** Per attempt, headers and body together. Default 30 000 ms; at most 2**31-1 (checked here and per call). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt for network errors, 429 and 5xx. Default 2; 0 disables. */
  retries?: number | undefined;
  retry?: RetryTuning | undefined;
  /** Replaces the signer's hashing (by default the runtime's built-in crypto where offered, else Web Crypto). */
  signingHash?: SigningHash | undefined;
}

const PATH = '/v1/{project_id}/guard/https-cert';
type Operation<M extends 'get' | 'put' | 'delete'> = paths[typeof PATH][M];

// What the client itself supplies: the project, and the headers of authentication.
type AuthHeader = 'X-Auth-Token' | 'X-Sdk-Date' | 'X-Project-Id' | 'X-Security-Token' | 'Authorization';
type QueryOf<O> = O extends { parameters: { query: infer Q } } ? Q : O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : unknown;
type HeadersOf<O> = O extends { parameters: { header?: infer H } } ? Omit<NonNullable<H>, AuthHeader> : never;
type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type ResultOf<O> = O extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/** What every call takes besides the spec's parameters. */
export interface CallControls {
  signal?: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout for this call. */
  timeoutMs?: number | undefined;
}

/**
 * The options of an operation: its query parameters, straight from the generated operation type
 * (a parameter added to the spec is accepted after `npm run generate`), its non-auth header
 * parameters under `headers`, and the call controls.
 */
export type OperationOptions<O> = QueryOf<O> & CallControls & ([keyof HeadersOf<O>] extends [never] ? unknown : { headers?: HeadersOf<O> });

export type ShowOptions = OperationOptions<Operation<'get'>>;
export type DeleteOptions = OperationOptions<Operation<'delete'>>;
export type UpdateOptions = OperationOptions<Operation<'put'>> & { body: BodyOf<Operation<'put'>> };
/** The options of show and delete. */
export type CallOptions = ShowOptions & DeleteOptions;
/** What show resolves with: the 200 body of the spec. */
export type ShowResult = ResultOf<Operation<'get'>>;

export interface CallResult {
  /** The X-Request-Id of the response, to quote to support. */
  requestId: string | undefined;
}

export interface LiveClient {
  updateDomainHttpsCert(options: UpdateOptions): Promise<CallResult>;
  showDomainHttpsCert(options: ShowOptions): Promise<ShowResult>;
  deleteDomainHttpsCert(options: DeleteOptions): Promise<CallResult>;
  /** The underlying openapi-fetch client ({ data, error } style), with the same auth and transport. */
  readonly api: Client<paths>;
  /** The transport's fetch: pass it as `fetchApi` to the generated openapi-generator client. */
  readonly fetch: FetchFunction;
  readonly baseUrl: string;
  readonly projectId: string;
}

const HEADER_TEXT = /^[\x21-\x7e]+$/;

function checkOptions(options: LiveClientOptions): void {
  if (typeof options?.projectId !== 'string' || options.projectId.trim() === '') {
    throw new ConfigurationError('projectId', 'projectId is required: the project ID of your region (IAM console, "My Credentials")');
  }
  // The spec's pattern for project_id: a path segment like "." or ".." would rewrite the path.
  const [problem] = projectIdProblems(options.projectId);
  if (problem) {
    throw new ConfigurationError('projectId', `projectId ${problem.message}: give the project ID of your region as IAM shows it (32 hexadecimal digits; IAM console, "My Credentials" > "Projects")`);
  }
  const credentials = options.credentials as unknown as Record<string, unknown> | undefined;
  if (!credentials || typeof credentials !== 'object') {
    throw new ConfigurationError('credentials', 'credentials are required: { accessKey, secretKey } or { token }');
  }
  if ('accessKey' in credentials || 'secretKey' in credentials) {
    for (const key of ['accessKey', 'secretKey'] as const) {
      if (typeof credentials[key] !== 'string' || credentials[key] === '') {
        throw new ConfigurationError(`credentials.${key}`, `credentials.${key} is missing or empty; AK/SK credentials need both accessKey and secretKey`);
      }
    }
    for (const key of ['accessKey', 'securityToken'] as const) {
      const value = credentials[key];
      if (value !== undefined && (typeof value !== 'string' || !HEADER_TEXT.test(value))) {
        throw new ConfigurationError(`credentials.${key}`, `credentials.${key} must be visible ASCII text (it is sent in a header); check for stray spaces or line breaks`);
      }
    }
  } else if (typeof credentials['token'] !== 'string' || credentials['token'] === '') {
    throw new ConfigurationError('credentials', 'credentials need { accessKey, secretKey } or a non-empty { token }');
  } else if (!HEADER_TEXT.test(credentials['token'])) {
    throw new ConfigurationError('credentials.token', 'credentials.token must be visible ASCII text (it is sent in a header); check for stray spaces or line breaks');
  }
  if (options.retries !== undefined && !(Number.isInteger(options.retries) && options.retries >= 0 && options.retries <= 10)) {
    throw new ConfigurationError('retries', `retries must be a whole number from 0 to 10, got ${options.retries}`);
  }
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  checkOptions(options);
  const baseUrl = resolveEndpoint(options);
  const { projectId, credentials } = options;
  const secrets = secretsOf(credentials);
  const transport: Transport = createTransport({
    authorize: createAuthorizer(credentials, projectId, options.signingHash),
    fetch: options.fetch,
    sender: options.fetch ? undefined : options.sender,
    maxSockets: options.maxSockets,
    proxy: options.proxy,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retry: options.retry,
    secrets,
    clockSensitive: isAkSk(credentials),
  });
  const api = createClient<paths>({ baseUrl, fetch: transport.fetch, Request: PlainRequest as unknown as typeof Request });

  // Each call carries its operation and timeout down to the transport, for errors and aborts.
  const via = (operation: OperationId, timeoutMs: number | undefined): FetchFunction =>
    (input, init) => transport.call(input as RequestInfo | PlainRequest, init, { operation, timeoutMs });
  // The spec's query parameters are the options that are not call controls (or the body).
  const split = (options: Record<string, unknown>) => {
    if (typeof options !== 'object' || options === null) {
      throw new ValidationError([{ field: 'options', message: `must be an object such as { domain }, got ${options === null ? 'null' : typeof options}`, rule: 'type' }]);
    }
    const { signal, timeoutMs, body, headers, ...query } = options;
    return { signal: signal as AbortSignal | undefined, timeoutMs: timeoutMs as number | undefined, body, headers: headers as Record<string, string> | undefined, query };
  };
  const send = async <T>(method: 'GET' | 'PUT' | 'DELETE', operation: OperationId, options: Record<string, unknown>): Promise<{ data: T; response: Response }> => {
    const { signal, timeoutMs, body, headers, query } = split(options);
    const path = { project_id: projectId };
    assertValidRequest(operation, { path, query, ...(method === 'PUT' ? { body } : {}) });
    const init = {
      params: { path, query, ...(headers ? { header: headers } : {}) },
      ...(method === 'PUT' ? { body } : {}),
      signal: signal ?? null,
      fetch: via(operation, timeoutMs),
      // Every answer goes through the one parse point, which checks it against the spec.
      parseAs: 'text' as const,
    };
    const { data, error, response } = await (api[method] as (path: string, init: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>)(PATH, init);
    const text = typeof data === 'string' ? data : typeof error === 'string' ? error : error === undefined ? '' : JSON.stringify(error);
    return { data: parseResponse<T>(operation, response, text, secrets), response };
  };
  const requestIdOf = (response: Response) => response.headers.get('x-request-id') ?? undefined;

  return {
    api,
    fetch: transport.fetch,
    baseUrl,
    projectId,

    async updateDomainHttpsCert(options) {
      const { response } = await send<undefined>('PUT', 'UpdateDomainHttpsCert', options as unknown as Record<string, unknown>);
      return { requestId: requestIdOf(response) };
    },

    async showDomainHttpsCert(options) {
      const { data } = await send<ShowResult>('GET', 'ShowDomainHttpsCert', options as unknown as Record<string, unknown>);
      return data;
    },

    async deleteDomainHttpsCert(options) {
      const { response } = await send<undefined>('DELETE', 'DeleteDomainHttpsCert', options as unknown as Record<string, unknown>);
      return { requestId: requestIdOf(response) };
    },
  };
}
