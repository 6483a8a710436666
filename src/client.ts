// createLiveClient: the typed openapi-fetch client over the generated schema, with the transport
// (auth, timeouts, retries) underneath and validation in front. Creating a client checks every
// option at once; what a call needs (openapi-fetch, the parse point, the transport's loop, the
// signer's arithmetic, the operation's validators) is loaded at the first call (client-calls.ts).
import type { Calls } from './client-calls.js';
import type { Client, Middleware } from './internal/openapi-fetch.js';
import type { ClientOperationId } from '../generated/operations.js';
import { clientMethods, type ServiceName, services } from '../generated/client-methods.js';
import type { paths } from '../generated/schema.js';
import { createAuthorizer } from './auth/authorize.js';
import { type Credentials, type CredentialsProvider, isAkSk, secretsOf } from './auth/credentials.js';
import { checkSigningAlgorithm, type SigningAlgorithm, type SigningHash } from './auth/hash.js';
import { userAgent } from './auth/user-agent.js';
import { checkDomainId, checkProjectId, DOMAIN_ID_HOW, noDomainId, noProjectId } from './credentials/check.js';
import { domainIdFromEnv, projectIdFromEnv } from './credentials/env.js';
import { type Env, runtimeEnv } from './internal/runtime.js';
import { credentialSource } from './credentials/source.js';
import { ConfigurationError } from './errors.js';
import { withRequestId } from './request-id.js';
import { createLog, type LogOptions } from './log/logger.js';
import { checkEndpoint, DEFAULT_REGION, type LiveRegion, resolveEndpoint, serviceEndpoint } from './regions.js';
import { createTransport, type FetchFunction, type Sender, type Transport } from './transport/live-transport.js';
import { type CredentialsState, createCredentialsGate } from './transport/credentials-gate.js';
import { checkPlainHttp } from './transport/plain-http.js';
import { checkRequestsPerMinute, createPacer, type Pacer, type Timers } from './transport/pacer.js';
import type { RetryTuning } from './transport/retry-policy.js';
import type { LiveMethods, OptionsOf, ResultOf } from './operation-types.js';

export interface LiveClientOptions extends LogOptions {
  /**
   * The project ID of the region (IAM console, "My Credentials"). Precedence: this option >
   * HUAWEICLOUD_SDK_PROJECT_ID (or CLOUD_SDK_PROJECT_ID) > the one a credentials provider found (the
   * credentials file's project_id) > looked up at IAM with the AK/SK (KeystoneListProjects).
   */
  projectId?: string | undefined;
  /** A Live region; `cn-north-4` by default. Ignored when `endpoint` is given. */
  region?: LiveRegion | undefined;
  /** Live's base URL (another host, a port, http for local tests); wins over `region`. */
  endpoint?: string | undefined;
  /**
   * The base URL of any service of the spec (`{ live: ... }`, a future `scm`), each winning over
   * `region` for its service; `endpoint` wins for Live.
   */
  endpoints?: Partial<Record<ServiceName, string>> | undefined;
  /**
   * Plain credentials (copied at creation: later changes to the object are not seen), or an
   * async provider called when signing and kept until shortly before its answer expires.
   */
  credentials: Credentials | CredentialsProvider;
  /**
   * IAM, for the project id lookup. Precedence: this option > HUAWEICLOUD_SDK_IAM_ENDPOINT > the
   * credentials file's iam_endpoint > https://iam.{region}.myhuaweicloud.com.
   */
  iamEndpoint?: string | undefined;
  /**
   * The environment variables the client reads (HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_IAM_ENDPOINT,
   * HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION>, the proxy variables); the process's by default.
   */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Look the project id up at IAM when none is known (default true). */
  lookupProjectId?: boolean | undefined;
  /**
   * The account (domain) id that Cloud Certificate Manager's requests are signed with (X-Domain-Id,
   * as the official SDKs' GlobalCredentials send it). Precedence: this option >
   * HUAWEICLOUD_SDK_DOMAIN_ID > the credentials file's `domain_id` ([global]) > looked up at IAM
   * with the AK/SK (KeystoneListAuthDomains) at the first CCM call. Live's calls do not use it.
   */
  domainId?: string | undefined;
  /** Look the account id up at IAM when none is known (default true). */
  lookupDomainId?: boolean | undefined;
  /** SDK-HMAC-SHA256 (default) or SDK-HMAC-SM3 (needs SM3 in the runtime: Node has it, browsers not). */
  signingAlgorithm?: SigningAlgorithm | undefined;
  /** The fetch that goes on the wire; the global fetch by default. Not with `sender`. */
  fetch?: FetchFunction | undefined;
  /** A lower-level way to the wire than fetch (not with `fetch`). Without either: node:http on Node, else the global fetch. */
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
  /**
   * Requests this client starts per minute at most, retries and the IAM lookup included (the
   * gateway allows 150 per user for this API). Default 120; 0 turns pacing off. Halved for 60 s
   * after a throttled (429 / APIG.0308) answer. Without it: LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE, else 120.
   */
  requestsPerMinute?: number | undefined;
  /**
   * Allow http:// endpoints to other machines (the live, service and IAM endpoints): refused by
   * default, as the request carries the private key; loopback (127.0.0.0/8, ::1, localhost) is always allowed.
   */
  allowInsecureHttp?: boolean | undefined;
  /** The clock of pacing and retry waits: real time by default (a fake or scaled one for tests and simulations). */
  timers?: Timers | undefined;
}

export type {
  CallControls,
  CallResult,
  LiveMethods,
  OperationOptions,
  OptionsOf,
  ResultOf,
} from './operation-types.js';
export type ShowOptions = OptionsOf<'ShowDomainHttpsCert'>;
export type DeleteOptions = OptionsOf<'DeleteDomainHttpsCert'>;
export type UpdateOptions = OptionsOf<'UpdateDomainHttpsCert'>;
/** The options of show and delete. */
export type CallOptions = ShowOptions & DeleteOptions;
/**
 * What show resolves with: the 200 body of the spec. It also carries the response's request id as
 * a non-enumerable `requestId` (not in JSON.stringify or Object.keys): see `requestIdOf`.
 */
export type ShowResult = ResultOf<'ShowDomainHttpsCert'>;

/**
 * The client: one method per operation of the spec documents with a service (generated/operations.ts),
 * `updateDomainHttpsCert`, `showDomainHttpsCert`, `deleteDomainHttpsCert` among them.
 */
export interface LiveClient extends LiveMethods {
  /** The underlying openapi-fetch client ({ data, error } style) for Live, with the same auth and transport. */
  readonly api: Client<paths>;
  /** The transport's fetch: pass it as `fetchApi` to the generated openapi-generator client. */
  readonly fetch: FetchFunction;
  /** Live's base URL. */
  readonly baseUrl: string;
  /** The project id in use: the given one, or the one found (undefined until a call needed it). */
  readonly projectId: string | undefined;
  /** The project id, found now if needed (the provider's, or the IAM lookup); calls do this themselves. */
  resolveProjectId(): Promise<string>;
  /**
   * What the answers so far showed of the credentials: `refused` (later calls reject with
   * LiveCredentialsRefusedError, nothing sent), `accepted`, or `unknown` before any answer.
   */
  readonly credentialsState: CredentialsState;
  /** The client's pace: the spacing of request starts now (ms; 0 when off) and how many started. */
  readonly pace: Pick<Pacer, 'intervalMs' | 'started'>;
}

function checkOptions(options: LiveClientOptions): SigningAlgorithm | undefined {
  if (!options || typeof options !== 'object')
    throw new ConfigurationError('options', 'createLiveClient needs an options object');
  // An id that holds a secret of the plain credentials is not shown in its error (checked below).
  const given = options.credentials;
  const secrets = typeof given === 'object' && given !== null ? secretsOf(given) : [];
  if (options.projectId !== undefined) checkProjectId(options.projectId, undefined, secrets);
  if (options.domainId !== undefined) checkDomainId(options.domainId, undefined, secrets);
  return checkSigningAlgorithm(options.signingAlgorithm, { signingHash: options.signingHash !== undefined });
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const algorithm = checkOptions(options);
  // One environment for every rule that reads one: the caller's (tests, the CLI), else the process's.
  const env = options.env ?? runtimeEnv();
  // The endpoint option, HUAWEICLOUD_SDK_REGION_LIVE_<REGION> or the region: http only to loopback or when allowed.
  const baseUrl = checkPlainHttp(
    resolveEndpoint({ region: options.region, endpoint: options.endpoint ?? options.endpoints?.live }, env),
    'endpoint',
    options.allowInsecureHttp,
  );
  // Grows as a provider returns new secrets; the transport and errors read it when they need it.
  const secrets: string[] = [];
  const source = credentialSource(options.credentials, { secrets });
  // Project id: option > environment > credentials file (a provider's) > IAM lookup.
  const givenProjectId = options.projectId ?? projectIdFromEnv(env);
  if (givenProjectId === undefined && source.plain && !isAkSk(source.plain)) throw noProjectId('token');
  // The level is settled once (the option, else LIVE_HTTPS_CERT_LOG): a bad one fails here.
  const log = createLog(options, env);
  const logging = { logLevel: log.level, logger: options.logger };
  log.debug(
    source.plain
      ? `credentials: ${isAkSk(source.plain) ? `AK/SK${source.plain.securityToken ? ' with a security token' : ''}` : 'a token'} given to the client`
      : 'credentials: from the credentials provider, asked when signing',
  );
  const wire = {
    ...logging,
    fetch: options.fetch,
    sender: options.sender,
    env,
    maxSockets: options.maxSockets,
    proxy: options.proxy,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retry: options.retry,
    secrets,
    // One gate for the Live calls and the IAM lookup: refused credentials are not sent again by either.
    gate: createCredentialsGate(),
    // One pace for every call of this client, the IAM lookup included.
    pacer: createPacer(requestsPerMinuteOf(options, env), options.timers),
    timers: options.timers,
    // Token requests carry no signed date; a provider may give either kind.
    clockSensitive: source.plain === undefined || isAkSk(source.plain),
  };
  const signing = { source, hash: options.signingHash, algorithm, userAgent: userAgent() };
  let foundProjectId: Promise<string> | undefined;
  const resolveProjectId = (): Promise<string> =>
    (foundProjectId ??= findProjectId(options, env, source, signing, wire).catch((error: unknown) => {
      foundProjectId = undefined;
      throw error;
    }));
  let knownProjectId = givenProjectId;
  const projectIdOf = (): string | Promise<string> =>
    knownProjectId ??
    resolveProjectId().then((id) => {
      knownProjectId = id;
      return id;
    });
  const transport: Transport = createTransport({
    ...wire,
    authorize: createAuthorizer({ ...signing, projectId: projectIdOf }),
  });
  // A global service (CCM, `scm`) is signed with the account id (X-Domain-Id), not the project, as
  // the official SDKs' GlobalCredentials do. Each service other than Live has its own transport
  // and pace: the gateway counts each service's calls apart, so CCM's calls do not slow Live's.
  const givenDomainId = options.domainId ?? domainIdFromEnv(env);
  let knownDomainId =
    givenDomainId === undefined
      ? undefined
      : checkDomainId(givenDomainId, options.domainId === undefined ? 'HUAWEICLOUD_SDK_DOMAIN_ID' : undefined, secrets);
  let foundDomainId: Promise<string> | undefined;
  const domainIdOf = (): string | Promise<string> =>
    knownDomainId ??
    // The lookup goes on the client's main pace, as the project id lookup does.
    (foundDomainId ??= findDomainId(options, env, source, signing, wire).then(
      (id) => (knownDomainId = id),
      (error: unknown) => {
        foundDomainId = undefined;
        throw error;
      },
    ));
  const transports = new Map<ServiceName, Transport>([['live', transport]]);
  const transportOf = (service: ServiceName): Transport => {
    let found = transports.get(service);
    if (found === undefined) {
      const own = { ...wire, pacer: createPacer(requestsPerMinuteOf(options, env), options.timers) };
      found = services[service].global
        ? createTransport({ ...own, authorize: createAuthorizer({ ...signing, domainId: domainIdOf }) })
        : createTransport({ ...own, authorize: createAuthorizer({ ...signing, projectId: projectIdOf }) });
      transports.set(service, found);
    }
    return found;
  };
  // Each service's base URL, resolved from the options, region and environment at its first call.
  const baseUrls = new Map<ServiceName, string>([['live', baseUrl]]);
  const baseUrlOf = (service: ServiceName): string => {
    let found = baseUrls.get(service);
    if (found === undefined) {
      found = checkPlainHttp(
        serviceEndpoint(service, { region: options.region, endpoint: options.endpoints?.[service] }, env),
        `endpoints.${service}`,
        options.allowInsecureHttp,
      );
      baseUrls.set(service, found);
    }
    return found;
  };

  // The calls (openapi-fetch, validation, the parse point), loaded once, at the first call or use of `api`.
  let calls: Promise<Calls> | undefined;
  const loadCalls = (): Promise<Calls> =>
    (calls ??= import('./client-calls.js')
      .then((m) =>
        m.clientCalls({
          baseUrl,
          transport,
          transportOf,
          secrets,
          knownProjectId: () => knownProjectId,
          projectIdOf,
          baseUrlOf,
        }),
      )
      .catch((error: unknown) => {
        calls = undefined;
        throw error;
      }));
  const { api, ready } = lazyApi(async () => (await loadCalls()).api);
  // Middleware registered on `api` before the first call is in place before that call goes.
  const callOperation = async (operation: ClientOperationId, given: unknown): Promise<unknown> => {
    await ready();
    const { parsed, requestId, json } = await (await loadCalls()).callOperation(operation, given);
    // JSON results are the spec's data; their request id rides along out of sight (non-enumerable).
    if (json) return withRequestId(parsed, requestId);
    return {
      requestId,
      ...(typeof parsed === 'string' || (typeof parsed === 'object' && parsed !== null) ? { body: parsed } : {}),
    };
  };

  const methods = Object.fromEntries(
    (Object.keys(clientMethods) as ClientOperationId[]).map((id) => [
      clientMethods[id],
      (given: unknown) => callOperation(id, given),
    ]),
  ) as unknown as LiveMethods;

  return {
    ...methods,
    api,
    fetch: transport.fetch,
    baseUrl,
    get projectId() {
      return knownProjectId;
    },
    get credentialsState() {
      return wire.gate.state;
    },
    pace: wire.pacer,
    resolveProjectId: async () => projectIdOf(),
  };
}

/** The option, else LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE (one pace for every tool of a machine), else 120. */
function requestsPerMinuteOf(options: LiveClientOptions, env: Record<string, string | undefined>): number {
  if (options.requestsPerMinute !== undefined) return checkRequestsPerMinute(options.requestsPerMinute);
  const fromEnv = env['LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE']?.trim();
  if (!fromEnv) return checkRequestsPerMinute(undefined);
  return checkRequestsPerMinute(Number(fromEnv), 'LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE');
}

type Wire = Omit<Parameters<typeof createTransport>[0], 'authorize'>;
type Signing = Omit<Parameters<typeof createAuthorizer>[0], 'projectId'>;

/** IAM's endpoint for a lookup: option > environment > credentials file > the region's. */
function iamEndpointOf(
  options: LiveClientOptions,
  env: Env,
  credentials: { iamEndpoint?: string | undefined },
  region: string,
  regionIamEndpoint: (region: string) => string,
): string {
  const given =
    options.iamEndpoint ?? (env['HUAWEICLOUD_SDK_IAM_ENDPOINT']?.trim() || undefined) ?? credentials.iamEndpoint;
  let iamEndpoint: string;
  try {
    iamEndpoint = given ? checkEndpoint(given) : regionIamEndpoint(region);
  } catch (error) {
    throw new ConfigurationError('iamEndpoint', `IAM ${(error as Error).message}`);
  }
  checkPlainHttp(iamEndpoint, 'iamEndpoint', options.allowInsecureHttp);
  return iamEndpoint;
}

/** A provider's account id (the credentials file's), else the IAM lookup with the same credentials. */
async function findDomainId(
  options: LiveClientOptions,
  env: Env,
  source: Signing['source'],
  signing: Signing,
  wire: Wire,
): Promise<string> {
  const credentials = await source.current();
  if ('domainId' in credentials && credentials.domainId)
    return checkDomainId(credentials.domainId, 'the credentials provider', wire.secrets ?? []);
  if (!isAkSk(credentials)) throw noDomainId('token');
  if (options.lookupDomainId === false) throw noDomainId('lookup-off');
  const { regionIamEndpoint } = await import('./credentials/project-id.js');
  const { lookupDomainId } = await import('./credentials/domain-id.js');
  const iamEndpoint = iamEndpointOf(options, env, credentials, options.region ?? DEFAULT_REGION, regionIamEndpoint);
  const transport = createTransport({ ...wire, authorize: createAuthorizer(signing) });
  const id = await lookupDomainId({
    accessKey: credentials.accessKey,
    iamEndpoint,
    transport,
    secrets: wire.secrets ?? [],
    how: DOMAIN_ID_HOW,
  });
  return checkDomainId(id, 'IAM');
}

/** A provider's project id (the credentials file's), else the IAM lookup with the same credentials and wire. */
async function findProjectId(
  options: LiveClientOptions,
  env: Env,
  source: Signing['source'],
  signing: Signing,
  wire: Wire,
): Promise<string> {
  const credentials = await source.current();
  if ('projectId' in credentials && credentials.projectId)
    return checkProjectId(credentials.projectId, 'the credentials provider', wire.secrets ?? []);
  if (!isAkSk(credentials)) throw noProjectId('token');
  if (options.lookupProjectId === false) throw noProjectId('lookup-off');
  // The lookup (and IAM's validators) is loaded only when a project id has to be found.
  const { lookupProjectId, regionIamEndpoint } = await import('./credentials/project-id.js');
  const region = options.region ?? DEFAULT_REGION;
  const iamEndpoint = iamEndpointOf(options, env, credentials, region, regionIamEndpoint);
  const transport = createTransport({ ...wire, authorize: createAuthorizer(signing) });
  const id = await lookupProjectId({
    accessKey: credentials.accessKey,
    region,
    iamEndpoint,
    transport,
    secrets: wire.secrets ?? [],
  });
  return checkProjectId(id, `IAM (project of region "${region}")`);
}

const API_METHODS = ['request', 'GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * `client.api` before openapi-fetch is loaded: each method loads it and calls the real client;
 * middleware registered meanwhile (`use`, `eject`) reaches the real client, in order, before any
 * request, so it also sees the client's own method calls.
 */
function lazyApi(load: () => Promise<Client<paths>>): { api: Client<paths>; ready(): Promise<Client<paths>> } {
  let real: Client<paths> | undefined;
  const pending: ['use' | 'eject', Middleware[]][] = [];
  const ready = async (): Promise<Client<paths>> => {
    if (real) return real;
    const made = await load();
    if (!real) {
      for (const [what, middleware] of pending.splice(0)) made[what](...middleware);
      real = made;
    }
    return real;
  };
  const api: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => (real ? real.use(...middleware) : void pending.push(['use', middleware])),
    eject: (...middleware: Middleware[]) =>
      real ? real.eject(...middleware) : void pending.push(['eject', middleware]),
  };
  for (const name of API_METHODS)
    api[name] = async (...args: unknown[]) =>
      ((await ready())[name] as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
  return { api: api as unknown as Client<paths>, ready };
}
