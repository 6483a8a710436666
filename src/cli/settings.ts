// Client settings: flags mapped to client options, the credentials chain (environment, credentials
// file, metadata service) asked once, and the environment handed to the client, which decides.
import type { ProvidedCredentials } from '../auth/credentials.js';
import { checkSigningAlgorithm } from '../auth/hash.js';
import type { LiveClientOptions } from '../client.js';
import { defaultCredentials } from '../credentials/chain.js';
import { readEnvCredentials } from '../credentials/env.js';
import { CredentialsNotFoundError } from '../credentials/not-found.js';
import type { LogOptions } from '../log/logger.js';
import type { CcmFlags, ConnectionFlags, FleetFlags } from './args.js';
import { cliLogging } from './log.js';
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
  logging: LogOptions = {},
): Promise<{ first: ProvidedCredentials; provider: () => Promise<ProvidedCredentials> }> {
  const metadataEndpoint = firstSet(env, 'LIVE_HTTPS_CERT_METADATA_ENDPOINT');
  const chain = defaultCredentials({
    ...logging,
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

function number(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${flag} ${String(raw)}: give a number from ${min} to ${max}`);
  }
  return value;
}

export function concurrencyFrom(values: Pick<FleetFlags, 'concurrency'>): number {
  const value = number(values.concurrency, 'concurrency', 1, 256) ?? 8;
  if (!Number.isInteger(value)) throw new UsageError(`--concurrency ${value}: give a whole number`);
  return value;
}

/** --requests-per-minute N, else LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE, else the client's default (120). */
export function requestsPerMinuteFrom(values: Pick<ConnectionFlags, 'requests-per-minute'>, env: Env): number {
  const raw = values['requests-per-minute'] ?? firstSet(env, 'LIVE_HTTPS_CERT_REQUESTS_PER_MINUTE');
  if (raw === undefined) return DEFAULT_REQUESTS_PER_MINUTE;
  return number(raw, 'requests-per-minute', 0, 100_000) ?? DEFAULT_REQUESTS_PER_MINUTE;
}

/** --timeout SECONDS as milliseconds (per attempt: an API call, or a verify handshake). */
export function timeoutMsFrom(values: Pick<ConnectionFlags, 'timeout'>): number | undefined {
  const seconds = number(values.timeout, 'timeout', 0.001, 3600);
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

export type CommandOptions = Omit<LiveClientOptions, 'fetch'>;

/**
 * The client options, and the first credentials the chain resolved (the options hold the
 * provider; a dry run redacts the first answer's secrets from what it prints).
 */
export async function clientSettingsFrom(
  values: ConnectionFlags & Pick<CcmFlags, 'domain-id'>,
  env: Env,
  warn: (message: string) => void = () => {},
): Promise<{ options: CommandOptions; first: ProvidedCredentials }> {
  // The client checks the values (retries' range, the signing algorithm) and decides every
  // precedence (option > env > file > default for the project id and the IAM endpoint): here
  // flags only become options, and the command's environment is handed over.
  const retries = number(values.retries, 'retries', -Infinity, Infinity);
  const timeoutMs = timeoutMsFrom(values);
  const requestsPerMinute = requestsPerMinuteFrom(values, env);
  const region = values.region ?? firstSet(env, 'HUAWEICLOUD_SDK_REGION');
  const endpoint = values.endpoint ?? firstSet(env, 'HUAWEICLOUD_SDK_ENDPOINT');
  const logging = cliLogging(values, env, warn);
  const { first, provider } = await chainedCredentialsFrom(env, warn, logging);
  const dryRun = values['dry-run'] === true;
  const options: CommandOptions = {
    ...logging,
    projectId: values['project-id'],
    // Any text: the client checks it against the regions it knows (with a did-you-mean).
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- unchecked text on purpose, see above
    region: region as LiveClientOptions['region'],
    endpoint,
    iamEndpoint: values['iam-endpoint'],
    env,
    credentials: provider,
    // A dry run sends nothing, so the project id (and CCM's account id) is not looked up at IAM.
    lookupProjectId: !dryRun,
    domainId: values['domain-id'],
    lookupDomainId: !dryRun,
    // The one check of the algorithm, named after the flag in its message.
    signingAlgorithm: checkSigningAlgorithm(values['signing-algorithm'], { option: '--signing-algorithm' }),
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
