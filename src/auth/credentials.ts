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

/** What a credentials provider returns: credentials, and what may come with them. */
export type ProvidedCredentials = Credentials & {
  /** When temporary credentials stop working; they are fetched again shortly before. */
  expiresAt?: Date | undefined;
  /** A project id found with them (HUAWEICLOUD_SDK_PROJECT_ID, a profile's project_id). */
  projectId?: string | undefined;
  /** An IAM endpoint found with them (a profile's iam_endpoint), for the project id lookup. */
  iamEndpoint?: string | undefined;
  /** The account id found with them (the credentials file's domain_id), for global services (CCM). */
  domainId?: string | undefined;
};

/**
 * An async function that returns credentials, called when a request is signed; its answer is
 * kept until shortly before `expiresAt` (for ever without one).
 */
export type CredentialsProvider = () => Promise<ProvidedCredentials>;

export function isAkSk(credentials: Credentials): credentials is AkSkCredentials {
  return 'accessKey' in credentials;
}

/** The secret strings of a credential set, for redaction. */
export function secretsOf(credentials: Credentials): string[] {
  const secrets = isAkSk(credentials) ? [credentials.secretKey, credentials.securityToken] : [credentials.token];
  return secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/** Where the signer gets credentials at signing time (made by credentials/source.ts). */
export interface CredentialSource {
  /** The credentials to sign with now (the provider is called only when needed). */
  current(): ProvidedCredentials | Promise<ProvidedCredentials>;
  /** The plain credentials given at creation; undefined for a provider. */
  readonly plain: Credentials | undefined;
}
