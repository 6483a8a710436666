// Credentials from environment variables, with the names of Huawei's SDKs.
import type { CredentialsProvider, ProvidedCredentials } from '../auth/credentials.js';
import { ConfigurationError } from '../errors.js';
import { createLog, type LogOptions } from '../log/logger.js';
import { checkProvided } from './check.js';
import { CredentialsNotFoundError } from './not-found.js';
import { type Env, runtimeEnv } from '../internal/runtime.js';

export interface EnvCredentialsOptions extends LogOptions {
  /** The variables to read; the process environment by default. */
  env?: Env | undefined;
}

function first(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/**
 * HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK (or the samples' CLOUD_SDK_AK + CLOUD_SDK_SK), with
 * HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys; else an IAM token in
 * HUAWEICLOUD_SDK_AUTH_TOKEN. HUAWEICLOUD_SDK_PROJECT_ID comes along when set.
 */
export function envCredentials(options: EnvCredentialsOptions = {}): CredentialsProvider {
  const log = createLog(options, options.env);
  return async () => {
    const found = readEnvCredentials(options.env ?? runtimeEnv());
    // Which variables, never their values.
    log.debug(
      'accessKey' in found
        ? `credentials: AK/SK from the environment (HUAWEICLOUD_SDK_AK/SK or CLOUD_SDK_AK/SK${found.securityToken ? ', HUAWEICLOUD_SDK_SECURITY_TOKEN' : ''})`
        : 'credentials: a token from the environment (HUAWEICLOUD_SDK_AUTH_TOKEN)',
      { credentialSource: 'env' },
    );
    return found;
  };
}

/** HUAWEICLOUD_SDK_PROJECT_ID (or the samples' CLOUD_SDK_PROJECT_ID), when set and not blank. */
export function projectIdFromEnv(env: Env): string | undefined {
  return first(env, 'HUAWEICLOUD_SDK_PROJECT_ID', 'CLOUD_SDK_PROJECT_ID');
}

/** HUAWEICLOUD_SDK_DOMAIN_ID (the official SDKs' account id of global services), when set and not blank. */
export function domainIdFromEnv(env: Env): string | undefined {
  return first(env, 'HUAWEICLOUD_SDK_DOMAIN_ID');
}

export function readEnvCredentials(env: Env): ProvidedCredentials {
  const accessKey = first(env, 'HUAWEICLOUD_SDK_AK', 'CLOUD_SDK_AK');
  const secretKey = first(env, 'HUAWEICLOUD_SDK_SK', 'CLOUD_SDK_SK');
  const securityToken = first(env, 'HUAWEICLOUD_SDK_SECURITY_TOKEN');
  const token = first(env, 'HUAWEICLOUD_SDK_AUTH_TOKEN');
  const projectId = projectIdFromEnv(env);
  const source = 'environment variables';
  if (accessKey || secretKey) {
    if (!accessKey || !secretKey) {
      throw new ConfigurationError(
        'credentials',
        `${accessKey ? 'HUAWEICLOUD_SDK_SK' : 'HUAWEICLOUD_SDK_AK'} is not set: AK/SK authentication needs both the access key and the secret key`,
      );
    }
    if (token) {
      throw new ConfigurationError(
        'credentials',
        'both HUAWEICLOUD_SDK_AK/SK and HUAWEICLOUD_SDK_AUTH_TOKEN are set; unset one of them',
      );
    }
    return checkProvided({ accessKey, secretKey, securityToken, projectId }, source);
  }
  if (token) return checkProvided({ token, projectId }, source);
  throw new CredentialsNotFoundError(
    'environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set (nor HUAWEICLOUD_SDK_AUTH_TOKEN)',
  );
}
