// Client settings from flags, the environment (the Huawei SDKs' variable names), the credentials
// file and the metadata service, in that order: flags win.
import type { ProvidedCredentials } from '../auth/credentials.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '../auth/hash.js';
import type { LiveClientOptions } from '../client.js';
import { defaultCredentials } from '../credentials/chain.js';
import { readEnvCredentials } from '../credentials/env.js';
import { CredentialsNotFoundError } from '../credentials/not-found.js';
import { resolveEndpoint } from '../regions.js';
import type { ParsedValues } from './args.js';
import { DEFAULT_MAX_SOCKETS } from '../transport/node-sender.js';
import { UsageError } from './exit-codes.js';
import { DEFAULT_REQUESTS_PER_MINUTE } from '../transport/pacer.js';

export type Env = Record<string, string | undefined>;

function firstSet(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

const NO_CREDENTIALS =
  'no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK / CLOUD_SDK_SK, or HUAWEICLOUD_SDK_AUTH_TOKEN), ' +
  'or write ~/.huaweicloud/credentials ([basic] ak, sk), or run on an ECS with an agency.';

/** Credentials from the environment only (scripts that must not read files or the network). */
export function credentialsFrom(env: Env): ProvidedCredentials {
  try {
    return readEnvCredentials(env);
  } catch (error) {
    if (error instanceof CredentialsNotFoundError) throw new UsageError(`${NO_CREDENTIALS}\n${error.message}`);
    throw error;
  }
}

/**
 * The chain (env -> credentials file -> metadata), asked once now so that missing credentials
 * stop the command before anything starts; later refreshes go to the same provider.
 * LIVE_HTTPS_CERT_METADATA_ENDPOINT moves the metadata service (a URL) or turns it off (`off`).
 */
export async function chainedCredentialsFrom(
  env: Env,
  warn: (message: string) => void,
): Promise<{ first: ProvidedCredentials; provider: () => Promise<ProvidedCredentials> }> {
  const metadataEndpoint = firstSet(env, 'LIVE_HTTPS_CERT_METADATA_ENDPOINT');
  const chain = defaultCredentials({
    env,
    onWarning: (message) => warn(`${message}\n`),
    metadata: metadataEndpoint === 'off' ? false : { endpoint: metadataEndpoint },
  });
  let first: ProvidedCredentials;
  try {
    first = await chain();
  } catch (error) {
    if (!(error instanceof CredentialsNotFoundError)) throw error;
    throw new UsageError(`${NO_CREDENTIALS}\n${error.message}`);
  }
  let initial: ProvidedCredentials | undefined = first;
  const provider = async () => {
    const given = initial;
    initial = undefined;
    return given ?? chain();
  };
  return { first, provider };
}

function number(values: ParsedValues, flag: string, min: number, max: number): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${flag} ${String(raw)}: give a number from ${min} to ${max}`);
  }
  return value;
}

export function concurrencyFrom(values: ParsedValues): number {
  const value = number(values, 'concurrency', 1, 256) ?? 8;
  if (!Number.isInteger(value)) throw new UsageError(`--concurrency ${value}: give a whole number`);
  return value;
}

/** --requests-per-minute N, else LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE, else the client's default (120). */
export function requestsPerMinuteFrom(values: ParsedValues, env: Env): number {
  const raw = values['requests-per-minute'] ?? firstSet(env, 'LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE');
  if (raw === undefined) return DEFAULT_REQUESTS_PER_MINUTE;
  return number({ 'requests-per-minute': raw }, 'requests-per-minute', 0, 100_000)!;
}

/** --timeout SECONDS as milliseconds (per attempt: an API call, or a verify handshake). */
export function timeoutMsFrom(values: ParsedValues): number | undefined {
  const seconds = number(values, 'timeout', 0.001, 3600);
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

function signingAlgorithmFrom(values: ParsedValues): SigningAlgorithm | undefined {
  const raw = values['signing-algorithm'];
  if (raw === undefined) return undefined;
  const found = SIGNING_ALGORITHMS.find((name) => name.toLowerCase() === String(raw).toLowerCase());
  if (!found) throw new UsageError(`--signing-algorithm ${String(raw)}: give ${SIGNING_ALGORITHMS.join(' or ')}`);
  return found;
}

export type CommandOptions = Omit<LiveClientOptions, 'fetch'>;

export async function clientOptionsFrom(
  values: ParsedValues,
  env: Env,
  warn: (message: string) => void = () => {},
): Promise<CommandOptions> {
  return (await clientSettingsFrom(values, env, warn)).options;
}

/**
 * The client options, and the first credentials the chain resolved (the options hold the
 * provider; a dry run redacts the first answer's secrets from what it prints).
 */
export async function clientSettingsFrom(
  values: ParsedValues,
  env: Env,
  warn: (message: string) => void = () => {},
): Promise<{ options: CommandOptions; first: ProvidedCredentials }> {
  const retries = number(values, 'retries', 0, 10);
  if (retries !== undefined && !Number.isInteger(retries))
    throw new UsageError(`--retries ${retries}: give a whole number`);
  const timeoutMs = timeoutMsFrom(values);
  const requestsPerMinute = requestsPerMinuteFrom(values, env);
  const signingAlgorithm = signingAlgorithmFrom(values);
  const region = (values['region'] as string | undefined) ?? firstSet(env, 'HUAWEICLOUD_SDK_REGION');
  // The region's HUAWEICLOUD_SDK_REGION_LIVE_<REGION> override is read from this environment.
  const endpoint = resolveEndpoint(
    { region, endpoint: (values['endpoint'] as string | undefined) ?? firstSet(env, 'HUAWEICLOUD_SDK_ENDPOINT') },
    env,
  );
  const { first, provider } = await chainedCredentialsFrom(env, warn);
  const projectId =
    (values['project-id'] as string | undefined) ??
    firstSet(env, 'HUAWEICLOUD_SDK_PROJECT_ID', 'CLOUD_SDK_PROJECT_ID') ??
    first.projectId;
  const dryRun = values['dry-run'] === true;
  if (!projectId && dryRun) {
    throw new UsageError(
      '--dry-run needs a project id (--project-id, HUAWEICLOUD_SDK_PROJECT_ID or project_id in the credentials file): looking it up at IAM would send a request',
    );
  }
  if (!projectId && !('accessKey' in first)) {
    throw new UsageError(
      'no project id: give --project-id or set HUAWEICLOUD_SDK_PROJECT_ID (the IAM lookup needs AK/SK, not a token)',
    );
  }
  const options: CommandOptions = {
    projectId,
    region: region as LiveClientOptions['region'],
    endpoint,
    iamEndpoint: (values['iam-endpoint'] as string | undefined) ?? firstSet(env, 'HUAWEICLOUD_SDK_IAM_ENDPOINT'),
    credentials: provider,
    lookupProjectId: !dryRun,
    signingAlgorithm,
    timeoutMs,
    retries,
    requestsPerMinute,
    allowInsecureHttp: values['allow-insecure-http'] === true,
    // The client caps requests in flight per origin; a fleet asked to run wider must not queue
    // behind that cap (the wait would count against each attempt's timeout).
    maxSockets: Math.max(DEFAULT_MAX_SOCKETS, concurrencyFrom(values)),
  };
  return { options, first };
}
