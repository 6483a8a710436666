/** A user token from IAM, sent as `X-Auth-Token`. */
export interface TokenCredentials {
  token: string;
}

/** An access key pair; temporary keys carry a security token too. */
export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

export type Credentials = TokenCredentials | AkSkCredentials;

export function isAkSk(credentials: Credentials): credentials is AkSkCredentials {
  return 'accessKey' in credentials;
}

/** The secret strings of a credential set, for redaction. */
export function secretsOf(credentials: Credentials): string[] {
  const secrets = isAkSk(credentials) ? [credentials.secretKey, credentials.securityToken] : [credentials.token];
  return secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
}
