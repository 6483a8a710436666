// createLiveClient: the typed openapi-fetch client over the generated schema, with the transport
// (auth, timeouts, retries) underneath and validation in front.
import { type Client, createClient } from './internal/openapi-fetch.js';
import type { paths } from '../generated/schema.js';
import { createAuthorizer } from './auth/authorize.js';
import { type Credentials, isAkSk, secretsOf } from './auth/credentials.js';
import type { SigningHash } from './auth/hash.js';
import { ConfigurationError, type OperationId } from './errors.js';
import { apiErrorFrom } from './internal/api-error.js';
import { type LiveRegion, resolveEndpoint } from './regions.js';
import { createTransport, type FetchFunction, type Sender, type Transport } from './transport/live-transport.js';
import { PlainRequest } from './transport/outgoing.js';
import type { RetryTuning } from './transport/retry-policy.js';
import type { DomainHttpsCertInfo } from './types.js';
import { assertValidDomain, assertValidUpdate } from './validate.js';

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

export interface CallOptions {
  domain: string;
  signal?: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout for this call. */
  timeoutMs?: number | undefined;
}

export interface UpdateOptions extends CallOptions {
  body: DomainHttpsCertInfo;
}

export interface CallResult {
  /** The X-Request-Id of the response, to quote to support. */
  requestId: string | undefined;
}

export interface LiveClient {
  updateDomainHttpsCert(options: UpdateOptions): Promise<CallResult>;
  showDomainHttpsCert(options: CallOptions): Promise<DomainHttpsCertInfo>;
  deleteDomainHttpsCert(options: CallOptions): Promise<CallResult>;
  /** The underlying openapi-fetch client ({ data, error } style), with the same auth and transport. */
  readonly api: Client<paths>;
  /** The transport's fetch: pass it as `fetchApi` to the generated openapi-generator client. */
  readonly fetch: FetchFunction;
  readonly baseUrl: string;
  readonly projectId: string;
}

const PATH = '/v1/{project_id}/guard/https-cert';
const HEADER_TEXT = /^[\x21-\x7e]+$/;

function checkOptions(options: LiveClientOptions): void {
  if (typeof options?.projectId !== 'string' || options.projectId.trim() === '') {
    throw new ConfigurationError('projectId', 'projectId is required: the project ID of your region (IAM console, "My Credentials")');
  }
  // It travels in the X-Project-Id header, which carries only visible ASCII (real IDs are 32 hex digits).
  if (!HEADER_TEXT.test(options.projectId) || options.projectId.includes('/')) {
    throw new ConfigurationError('projectId', 'projectId may hold only visible ASCII characters and no "/"; copy it from the IAM console');
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
  const params = (domain: string) => ({ path: { project_id: projectId }, query: { domain } });

  return {
    api,
    fetch: transport.fetch,
    baseUrl,
    projectId,

    async updateDomainHttpsCert({ domain, body, signal, timeoutMs }) {
      assertValidUpdate(domain, body);
      const { error, response } = await api.PUT(PATH, {
        params: params(domain),
        body,
        signal: signal ?? null,
        fetch: via('UpdateDomainHttpsCert', timeoutMs),
      });
      if (!response.ok) throw apiErrorFrom(response, error, 'UpdateDomainHttpsCert', secrets);
      return { requestId: response.headers.get('x-request-id') ?? undefined };
    },

    async showDomainHttpsCert({ domain, signal, timeoutMs }) {
      assertValidDomain(domain);
      const { data, error, response } = await api.GET(PATH, {
        params: params(domain),
        signal: signal ?? null,
        fetch: via('ShowDomainHttpsCert', timeoutMs),
      });
      if (!response.ok || data === undefined) throw apiErrorFrom(response, error, 'ShowDomainHttpsCert', secrets);
      return data;
    },

    async deleteDomainHttpsCert({ domain, signal, timeoutMs }) {
      assertValidDomain(domain);
      const { error, response } = await api.DELETE(PATH, {
        params: params(domain),
        signal: signal ?? null,
        fetch: via('DeleteDomainHttpsCert', timeoutMs),
      });
      if (!response.ok) throw apiErrorFrom(response, error, 'DeleteDomainHttpsCert', secrets);
      return { requestId: response.headers.get('x-request-id') ?? undefined };
    },
  };
}
