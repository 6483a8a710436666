import { isSignatureExpired } from '../transport/credentials-verdict.js';
import {
  ConfigurationError,
  LiveApiError,
  LiveHttp2OnlyError,
  LiveNetworkError,
  LiveProxyError,
  LiveRedirectError,
  LiveTlsError,
  ValidationError,
} from '../errors.js';

export const EXIT = {
  ok: 0,
  /** The API refused (a 4xx or 5xx answer). */
  apiError: 1,
  /** Bad usage, bad input, failed pre-flight checks: nothing was sent. */
  usage: 2,
  /** No answer: network failure or timeout. */
  network: 3,
  /** The API answered, and what it says needs attention (status), or the domain serves another certificate (verify). */
  attention: 4,
  /** Ctrl-C: the report lists what finished; the rest is skipped. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A command-line mistake: unknown flag, missing option, unreadable file. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof ValidationError || error instanceof ConfigurationError)
    return EXIT.usage;
  if (error instanceof LiveNetworkError) return EXIT.network;
  if (error instanceof LiveApiError) return EXIT.apiError;
  return EXIT.apiError;
}

// Looked up by the operation an error names: any string, most of them not here.
const IAM_ACTION: Readonly<Record<string, string>> = {
  UpdateDomainHttpsCert: 'live:domain:updateCDNConfig',
  DeleteDomainHttpsCert: 'live:domain:updateCDNConfig (and live:domain:deleteCDNConfig where the policy lists it)',
  ShowDomainHttpsCert: 'live:domain:getCDNConfig',
  ShowDomain: 'live:domain:getDomains',
  ShowCertificateInfo: 'live:domain:getCertificates',
  ImportCertificate: 'scm:cert:import',
  ListCertificates: 'scm:cert:list',
};

/** What to tell the user to do about an error, beside its message. */
export function hintFor(error: unknown): string | undefined {
  if (error instanceof LiveApiError) {
    // Signature expired: the clock, not the key (checked first: the gateway may say so under 0301 too).
    if (isSignatureExpired(error.errorCode, error.errorMsg))
      return 'the gateway refused the signature as expired: the machine clock is off (X-Sdk-Date must be within 15 minutes of the server); sync it with NTP';
    if (error.errorCode === 'APIGW.0301' || error.errorCode === 'APIG.0301')
      return 'the gateway refused the signature: check HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK and that the machine clock is right (NTP); 5 refusals in a row lock the key for 5 minutes';
    if (error.errorCode === 'LIVE.100011003') {
      const action =
        (error.operation && IAM_ACTION[error.operation]) ||
        'live:domain:updateCDNConfig (update, delete) or live:domain:getCDNConfig (show, status)';
      return `not authorised: grant the IAM user the action ${action} in this project`;
    }
    if (error.errorCode === 'LIVE.103011019')
      return 'the domain is not a Live domain of this project and region: check the domain, --project-id and --region';
    if (error.status === 401 || error.status === 403) {
      const action = error.operation && IAM_ACTION[error.operation];
      return `check the credentials and the IAM permissions (${action ?? 'live:domain:updateCDNConfig, live:domain:getCDNConfig'})`;
    }
    if (error.status === 404) return 'check the domain name and the project id / region it belongs to';
    if (error.status >= 500 || error.status === 429)
      return 'the service is having trouble; try again later (raise --retries to wait longer)';
    return undefined;
  }
  if (error instanceof LiveHttp2OnlyError)
    return 'the endpoint speaks only HTTP/2 and this client HTTP/1.1, as Huawei Cloud endpoints do: check --endpoint, HUAWEICLOUD_SDK_REGION_LIVE_<REGION> and --region';
  // A TLS failure's message already names the cause and NODE_EXTRA_CA_CERTS; a timeout would not help.
  if (error instanceof LiveTlsError) return 'check --endpoint/--region; a private CA goes in NODE_EXTRA_CA_CERTS';
  if (error instanceof LiveProxyError)
    return 'check HTTPS_PROXY / HTTP_PROXY (user and password) and NO_PROXY; the proxy answered, not the API';
  if (error instanceof LiveNetworkError) return 'check the network, --endpoint/--region, or raise --timeout';
  if (error instanceof LiveRedirectError) return 'check --endpoint/--region: the client never follows redirects';
  return undefined;
}
