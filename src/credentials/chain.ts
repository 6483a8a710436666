// The official SDKs' order: environment, then the credentials file, then (last, as it may have
// to wait for a network answer) the metadata service. The first that finds credentials is used
// from then on; a configuration that is there but broken stops the chain with its own error.
import type { CredentialsProvider } from '../auth/credentials.js';
import { createLog, type LogOptions } from '../log/logger.js';
import { envCredentials } from './env.js';
import { metadataCredentials, type MetadataCredentialsOptions } from './metadata.js';
import { CredentialsNotFoundError } from './not-found.js';
import { profileCredentials, type ProfileCredentialsOptions } from './profile.js';
import type { Env } from '../internal/runtime.js';

export interface DefaultCredentialsOptions extends LogOptions {
  env?: Env | undefined;
  /** The credentials file (else HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials). */
  file?: string | undefined;
  onWarning?: ProfileCredentialsOptions['onWarning'];
  metadata?: MetadataCredentialsOptions | false | undefined;
}

export function chainCredentials(
  providers: readonly CredentialsProvider[],
  options: LogOptions = {},
): CredentialsProvider {
  const log = createLog(options);
  let chosen: CredentialsProvider | undefined;
  return async () => {
    if (chosen) return chosen();
    const misses: string[] = [];
    for (const provider of providers) {
      try {
        const found = await provider();
        chosen = provider;
        return found;
      } catch (error) {
        if (!(error instanceof CredentialsNotFoundError)) throw error;
        log.debug(`credentials: ${error.message}; trying the next source`);
        misses.push(error.message);
      }
    }
    throw new CredentialsNotFoundError(`no credentials found:\n  ${misses.join('\n  ')}`);
  };
}

/** env -> credentials file -> metadata service (`metadata: false` leaves it out). */
export function defaultCredentials(options: DefaultCredentialsOptions = {}): CredentialsProvider {
  const logging: LogOptions = { logLevel: createLog(options, options.env).level, logger: options.logger };
  return chainCredentials(
    [
      envCredentials({ env: options.env, ...logging }),
      profileCredentials({ file: options.file, env: options.env, onWarning: options.onWarning, ...logging }),
      ...(options.metadata === false ? [] : [metadataCredentials({ ...logging, ...(options.metadata ?? {}) })]),
    ],
    logging,
  );
}
