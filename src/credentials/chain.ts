// The official SDKs' order: environment, then the credentials file, then (last, as it may have
// to wait for a network answer) the metadata service. The first that finds credentials is used
// from then on; a configuration that is there but broken stops the chain with its own error.
import type { CredentialsProvider } from '../auth/credentials.js';
import { envCredentials } from './env.js';
import { metadataCredentials, type MetadataCredentialsOptions } from './metadata.js';
import { CredentialsNotFoundError } from './not-found.js';
import { profileCredentials, type ProfileCredentialsOptions } from './profile.js';
import type { Env } from '../internal/runtime.js';

export interface DefaultCredentialsOptions {
  env?: Env | undefined;
  /** The credentials file (else HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials). */
  file?: string | undefined;
  onWarning?: ProfileCredentialsOptions['onWarning'];
  metadata?: MetadataCredentialsOptions | false | undefined;
}

export function chainCredentials(providers: readonly CredentialsProvider[]): CredentialsProvider {
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
        misses.push(error.message);
      }
    }
    throw new CredentialsNotFoundError(`no credentials found:\n  ${misses.join('\n  ')}`);
  };
}

/** env -> credentials file -> metadata service (`metadata: false` leaves it out). */
export function defaultCredentials(options: DefaultCredentialsOptions = {}): CredentialsProvider {
  return chainCredentials([
    envCredentials({ env: options.env }),
    profileCredentials({ file: options.file, env: options.env, onWarning: options.onWarning }),
    ...(options.metadata === false ? [] : [metadataCredentials(options.metadata ?? {})]),
  ]);
}
