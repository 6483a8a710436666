// Client settings from flags and the environment (the Huawei SDKs' variable names); flags win.
import type { Credentials } from '../auth/credentials.js';
import type { LiveClientOptions } from '../client.js';
import type { LiveRegion } from '../regions.js';
import type { ParsedValues } from './args.js';
import { UsageError } from './exit-codes.js';

export type Env = Record<string, string | undefined>;

function firstSet(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

export function credentialsFrom(env: Env): Credentials {
  const accessKey = firstSet(env, 'HUAWEICLOUD_SDK_AK', 'CLOUD_SDK_AK');
  const secretKey = firstSet(env, 'HUAWEICLOUD_SDK_SK', 'CLOUD_SDK_SK');
  const securityToken = firstSet(env, 'HUAWEICLOUD_SDK_SECURITY_TOKEN');
  const token = firstSet(env, 'HUAWEICLOUD_SDK_AUTH_TOKEN');
  if (accessKey && secretKey) return securityToken ? { accessKey, secretKey, securityToken } : { accessKey, secretKey };
  if (accessKey || secretKey) {
    throw new UsageError(`${accessKey ? 'HUAWEICLOUD_SDK_SK' : 'HUAWEICLOUD_SDK_AK'} is not set: AK/SK authentication needs both the access key and the secret key`);
  }
  if (token) return { token };
  throw new UsageError('no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK / CLOUD_SDK_SK), or HUAWEICLOUD_SDK_AUTH_TOKEN');
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

/** --timeout SECONDS as milliseconds (per attempt: an API call, or a verify handshake). */
export function timeoutMsFrom(values: ParsedValues): number | undefined {
  const seconds = number(values, 'timeout', 0.001, 3600);
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

export function clientOptionsFrom(values: ParsedValues, env: Env): Omit<LiveClientOptions, 'fetch'> {
  const projectId = (values['project-id'] as string | undefined) ?? firstSet(env, 'HUAWEICLOUD_SDK_PROJECT_ID', 'CLOUD_SDK_PROJECT_ID');
  if (!projectId) throw new UsageError('no project id: give --project-id or set HUAWEICLOUD_SDK_PROJECT_ID');
  const retries = number(values, 'retries', 0, 10);
  if (retries !== undefined && !Number.isInteger(retries)) throw new UsageError(`--retries ${retries}: give a whole number`);
  const timeoutMs = timeoutMsFrom(values);
  return {
    projectId,
    region: ((values['region'] as string | undefined) ?? firstSet(env, 'HUAWEICLOUD_SDK_REGION')) as LiveRegion | undefined,
    endpoint: (values['endpoint'] as string | undefined) ?? firstSet(env, 'HUAWEICLOUD_SDK_ENDPOINT'),
    credentials: credentialsFrom(env),
    timeoutMs,
    retries,
  };
}
