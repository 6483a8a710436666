// The one check of credentials, for plain ones given to the client and for whatever a provider
// returns. It copies what it checked: later changes to the caller's object change nothing.
import type { AkSkCredentials, Credentials, ProvidedCredentials } from '../auth/credentials.js';
import { ConfigurationError } from '../errors.js';
import { projectIdProblems } from '../validate.js';

// Keys and tokens travel in headers (the SK is an HMAC key): visible ASCII only, so a stray
// space or line break from a copied file is caught here rather than as a refused signature.
const HEADER_TEXT = /^[\x21-\x7e]+$/;
// The SK is never sent, only used as the HMAC key: any text without spaces or control characters.
const KEY_TEXT = /^[^\s\p{Cc}]+$/u;

function text(value: unknown, option: string, from: string, pattern = HEADER_TEXT): string {
  if (typeof value !== 'string' || value === '') {
    throw new ConfigurationError(option, `${option} is missing or empty${from}`);
  }
  if (!pattern.test(value)) {
    const what =
      pattern === HEADER_TEXT
        ? 'visible ASCII text (it is sent in a header)'
        : 'text without spaces, line breaks or control characters';
    throw new ConfigurationError(option, `${option} must be ${what}${from}; check for stray spaces or line breaks`);
  }
  return value;
}

/**
 * Checks credentials and returns a copy. `source` names where they came from (a provider), for
 * the message; values are never echoed.
 */
export function checkCredentials(value: unknown, source?: string): Credentials {
  const from = source ? ` (from ${source})` : '';
  if (!value || typeof value !== 'object') {
    throw new ConfigurationError(
      'credentials',
      `credentials are required: { accessKey, secretKey }, { token } or a provider function${from}`,
    );
  }
  const given = value as Record<string, unknown>;
  const akSk = 'accessKey' in given || 'secretKey' in given;
  if (akSk && 'token' in given && given['token'] !== undefined) {
    throw new ConfigurationError(
      'credentials',
      `credentials hold both an access key pair and a token${from}; give one: { accessKey, secretKey } or { token }`,
    );
  }
  if (!akSk) {
    if (!('token' in given)) {
      throw new ConfigurationError(
        'credentials',
        `credentials need { accessKey, secretKey } or a non-empty { token }${from}`,
      );
    }
    return { token: text(given['token'], 'credentials.token', from) };
  }
  const copy: AkSkCredentials = {
    accessKey: text(given['accessKey'], 'credentials.accessKey', from),
    secretKey: text(given['secretKey'], 'credentials.secretKey', from, KEY_TEXT),
  };
  if (given['securityToken'] !== undefined && given['securityToken'] !== '') {
    copy.securityToken = text(given['securityToken'], 'credentials.securityToken', from);
  }
  return copy;
}

/** checkCredentials for a provider's answer, keeping what came with the credentials. */
export function checkProvided(value: unknown, source: string): ProvidedCredentials {
  const credentials = checkCredentials(value, source);
  const given = value as Record<string, unknown>;
  const provided: ProvidedCredentials = { ...credentials };
  const expiresAt = given['expiresAt'];
  if (expiresAt !== undefined) {
    if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
      throw new ConfigurationError('credentials', `expiresAt must be a valid Date (from ${source})`);
    }
    provided.expiresAt = new Date(expiresAt.getTime());
  }
  for (const key of ['projectId', 'iamEndpoint', 'domainId'] as const) {
    const extra = given[key];
    if (extra === undefined || extra === '') continue;
    if (typeof extra !== 'string') throw new ConfigurationError(key, `${key} must be a string (from ${source})`);
    provided[key] = extra;
  }
  return provided;
}

// A value that holds a secret of the credentials, or a piece of one (swapped variables, a shifted
// argument, a cut copy): an error about it gives its length, never the value, short or not (an SK
// is 40 printable characters). A plain check, as redact.ts is not in the start graph.
function holdsSecret(value: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s !== '' && (value.includes(s) || (value.length >= 8 && s.includes(value))));
}

/**
 * A project id goes into the path and the X-Project-Id header: the spec's pattern decides.
 * `secrets`: the credentials' secrets, never shown in the error.
 */
export function checkProjectId(value: unknown, source?: string, secrets: readonly string[] = []): string {
  const from = source ? ` (from ${source})` : '';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigurationError(
      'projectId',
      `projectId is required${from}: the project ID of your region (IAM console, "My Credentials")`,
    );
  }
  // The spec's pattern for project_id: a path segment like "." or ".." would rewrite the path.
  const [problem] = projectIdProblems(value);
  if (problem) {
    throw new ConfigurationError(
      'projectId',
      `projectId ${holdsSecret(value, secrets) ? `of ${value.length} characters (not shown) is not 32 hexadecimal digits` : problem.message}${from}: give the project ID of your region as IAM shows it (32 hexadecimal digits; IAM console, "My Credentials" > "Projects")`,
    );
  }
  return value;
}

const HOW =
  'give projectId (the CLI: --project-id), or set HUAWEICLOUD_SDK_PROJECT_ID, or project_id in the credentials file';

/** The one rule for "no project id and none can be found": with a token, or with the lookup turned off. */
export function noProjectId(why: 'token' | 'lookup-off'): ConfigurationError {
  const reason =
    why === 'token'
      ? 'the IAM lookup needs an access key pair, not a token'
      : 'the IAM lookup is turned off (a dry run would send it)';
  return new ConfigurationError('projectId', `no project id: ${HOW} (${reason}); copy it from the IAM console`);
}

export const DOMAIN_ID_HOW =
  'give domainId (the CLI: --domain-id), or set HUAWEICLOUD_SDK_DOMAIN_ID, or domain_id in the [global] section of the credentials file (IAM console, "My Credentials": Account ID)';

// A wrong account id is shown when it is short printable ASCII (a project id, a name, a cut
// copy); any other only by its length. Not through server-text.ts: this check runs when a client
// is made, and that module, shared with the lazily loaded call path, would be a browser chunk of
// its own at start (docs/performance.md, footprint).
function shownDomainId(value: string, secrets: readonly string[]): string {
  return /^[\x20-\x7e]{0,40}$/.test(value) && !holdsSecret(value, secrets)
    ? `"${value}"`
    : `of ${value.length} characters (not shown)`;
}

/**
 * An account id goes into the signed X-Domain-Id header: 32 hexadecimal digits, as IAM shows it.
 * `secrets`: the credentials' secrets, never shown in the error.
 */
export function checkDomainId(value: unknown, source?: string, secrets: readonly string[] = []): string {
  const from = source ? ` (from ${source})` : '';
  if (typeof value !== 'string' || !/^[0-9a-f]{32}$/i.test(value))
    throw new ConfigurationError(
      'domainId',
      `domainId ${typeof value === 'string' ? `${shownDomainId(value, secrets)} is not 32 hexadecimal digits` : 'must be a string'}${from}: ${DOMAIN_ID_HOW}`,
    );
  return value;
}

export function noDomainId(why: 'token' | 'lookup-off'): ConfigurationError {
  const reason =
    why === 'token'
      ? 'the IAM lookup needs an access key pair, not a token'
      : 'the IAM lookup is turned off (a dry run would send it)';
  return new ConfigurationError(
    'domainId',
    `no account (domain) id for Cloud Certificate Manager: ${DOMAIN_ID_HOW} (${reason})`,
  );
}
