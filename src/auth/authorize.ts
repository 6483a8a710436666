// Puts the credentials on a request: a token header, or the AK/SK signature; and the User-Agent.
// Credentials are asked of their source on every attempt, so a provider's fresh ones are used
// as soon as it has them.
import type { Authorize } from '../transport/live-transport.js';
import { createAkSkSigner, type RequestSigner } from './aksk-signer.js';
import { type CredentialSource, type Credentials, isAkSk } from './credentials.js';
import type { SigningAlgorithm, SigningHash } from './hash.js';

export interface AuthorizerOptions {
  source: CredentialSource;
  /** Sent (and signed) as X-Project-Id with AK/SK; absent for IAM calls. */
  projectId?: (() => string | Promise<string>) | undefined;
  /**
   * Sent (and signed) as X-Domain-Id with AK/SK instead of X-Project-Id: a global service's
   * requests (CCM) name the account, as the official SDKs' GlobalCredentials do.
   */
  domainId?: (() => string | Promise<string>) | undefined;
  hash?: SigningHash | undefined;
  algorithm?: SigningAlgorithm | undefined;
  userAgent?: string | undefined;
}

export function createAuthorizer(options: AuthorizerOptions): Authorize {
  const { source, projectId, domainId, userAgent } = options;
  let signedFor: Credentials | undefined;
  let signer: RequestSigner | undefined;
  return async (request, date) => {
    if (userAgent) request.headers['user-agent'] = userAgent;
    const credentials = await source.current();
    if (!isAkSk(credentials)) {
      request.headers['x-auth-token'] = credentials.token;
      return identityOf(credentials);
    }
    if (projectId) request.headers['x-project-id'] = await projectId();
    if (domainId) request.headers['x-domain-id'] = await domainId();
    // One signer (its HMAC key imported once) per set of credentials the source gives out.
    if (credentials !== signedFor || !signer) {
      signer = createAkSkSigner(credentials, options.hash, options.algorithm);
      signedFor = credentials;
    }
    await signer(request, date);
    return identityOf(credentials);
  };
}

/**
 * Which credentials signed a request, for the refused-credentials gate: equal values give the same
 * identity, whichever object a provider returned. Held in memory only, never shown.
 */
export function identityOf(credentials: Credentials): string {
  return isAkSk(credentials)
    ? `aksk\u0000${credentials.accessKey}\u0000${credentials.secretKey}\u0000${credentials.securityToken ?? ''}`
    : `token\u0000${credentials.token}`;
}
