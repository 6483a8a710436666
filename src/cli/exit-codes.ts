import { ConfigurationError, LiveApiError, LiveNetworkError, LiveProxyError, LiveRedirectError, LiveTlsError, ValidationError } from '../errors.js';

export const EXIT = {
  ok: 0,
  /** The API refused (a 4xx or 5xx answer). */
  apiError: 1,
  /** Bad usage, bad input, failed pre-flight checks: nothing was sent. */
  usage: 2,
  /** No answer: network failure or timeout. */
  network: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A command-line mistake: unknown flag, missing option, unreadable file. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof ValidationError || error instanceof ConfigurationError) return EXIT.usage;
  if (error instanceof LiveNetworkError) return EXIT.network;
  if (error instanceof LiveApiError) return EXIT.apiError;
  return EXIT.apiError;
}

/** What to tell the user to do about an error, beside its message. */
export function hintFor(error: unknown): string | undefined {
  if (error instanceof LiveApiError) {
    if (error.errorCode === 'APIGW.0301') return 'check HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK and the machine clock';
    if (error.status === 401 || error.status === 403) return 'check the credentials and the IAM permissions (live:domain:*CDNConfig)';
    if (error.status === 404) return 'check the domain name and the project id / region it belongs to';
    if (error.status >= 500 || error.status === 429) return 'the service is having trouble; try again later (raise --retries to wait longer)';
    return undefined;
  }
  // A TLS failure's message already names the cause and NODE_EXTRA_CA_CERTS; a timeout would not help.
  if (error instanceof LiveTlsError) return 'check --endpoint/--region; a private CA goes in NODE_EXTRA_CA_CERTS';
  if (error instanceof LiveProxyError) return 'check HTTPS_PROXY / HTTP_PROXY (user and password) and NO_PROXY; the proxy answered, not the API';
  if (error instanceof LiveNetworkError) return 'check the network, --endpoint/--region, or raise --timeout';
  if (error instanceof LiveRedirectError) return 'check --endpoint/--region: the client never follows redirects';
  return undefined;
}
