// Where the client's credentials come from at signing time: a snapshot of plain credentials, or
// an async provider whose answer is kept until shortly before it expires. Every secret either
// one returns joins the redaction list, so a rotated token echoed by a server is still removed.
import {
  type Credentials,
  type CredentialSource,
  type CredentialsProvider,
  type ProvidedCredentials,
  secretsOf,
} from '../auth/credentials.js';
import { checkCredentials, checkProvided } from './check.js';

export type { CredentialSource };

/** Temporary credentials are fetched again this long before they expire (at most half their life). */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

export interface CredentialSourceOptions {
  /** Redaction list shared with the transport and errors; grows as providers return secrets. */
  secrets: string[];
  now?: () => number;
}

export function credentialSource(
  credentials: Credentials | CredentialsProvider,
  options: CredentialSourceOptions,
): CredentialSource {
  const { secrets } = options;
  const remember = (found: Credentials) => {
    for (const secret of secretsOf(found)) if (!secrets.includes(secret)) secrets.push(secret);
  };
  if (typeof credentials !== 'function') {
    const plain = checkCredentials(credentials);
    remember(plain);
    return { plain, current: () => plain };
  }

  const now = options.now ?? Date.now;
  let cached: ProvidedCredentials | undefined;
  let refreshAt = Infinity;
  let pending: Promise<ProvidedCredentials> | undefined;
  const fetchFresh = async (): Promise<ProvidedCredentials> => {
    const fetchedAt = now();
    const provided = checkProvided(await credentials(), 'the credentials provider');
    remember(provided);
    const expiresAt = provided.expiresAt?.getTime();
    refreshAt =
      expiresAt === undefined
        ? Infinity
        : expiresAt - Math.min(REFRESH_BEFORE_EXPIRY_MS, Math.max(0, (expiresAt - fetchedAt) / 2));
    cached = provided;
    return provided;
  };
  return {
    plain: undefined,
    current() {
      if (cached && now() < refreshAt) return cached;
      // Concurrent requests share one call to the provider.
      pending ??= fetchFresh().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
