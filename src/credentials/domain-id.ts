// The account (domain) id that Cloud Certificate Manager, a global service, is signed with: the
// official SDKs' GlobalCredentials send it as X-Domain-Id, from `domain_id` when configured, else
// found with the same AK/SK at IAM (`GET {iam}/v3/auth/domains`, the first domain's id). One
// answer per access key and IAM endpoint for the life of the process; a failed lookup is not kept.
// The SDK then asks STS (GetCallerIdentity) when IAM lists no domain; we say what to set instead.
import type { components } from '../../generated/iam-projects.js';
import { validators as keystoneListAuthDomains } from '../../generated/validators/iam-projects/KeystoneListAuthDomains.js';
import { ConfigurationError, LiveApiError } from '../errors.js';
import { DOMAIN_ID_HOW as HOW } from './check.js';
import { problemsFrom } from '../internal/schema-problems.js';
import { serverText } from '../internal/server-text.js';
import { attemptsOf } from '../internal/attempts.js';
import type { Transport } from '../transport/transport-types.js';

export interface DomainLookup {
  accessKey: string;
  /** Base URL of IAM. */
  iamEndpoint: string;
  /** A transport that signs with the same credentials (and sends neither X-Project-Id nor X-Domain-Id). */
  transport: Transport;
  secrets: readonly string[];
}

const found = new Map<string, Promise<string>>();

export function lookupDomainId(lookup: DomainLookup): Promise<string> {
  const key = `${lookup.accessKey}\n${lookup.iamEndpoint}`;
  let pending = found.get(key);
  if (!pending) {
    pending = listDomains(lookup);
    found.set(key, pending);
    pending.catch(() => found.delete(key));
  }
  return pending;
}

/** Forgets every looked-up account id (tests; a process that changed accounts). */
export function clearDomainIdCache(): void {
  found.clear();
}

async function listDomains({ iamEndpoint, transport, secrets }: DomainLookup): Promise<string> {
  const response = await transport.call(
    `${iamEndpoint}/v3/auth/domains`,
    { method: 'GET', headers: { accept: 'application/json' } },
    { operation: 'KeystoneListAuthDomains' },
  );
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const traceHeader = response.headers.get('x-iam-trace-id') ?? response.headers.get('x-request-id');
  const traceId = traceHeader === null ? undefined : serverText(traceHeader, secrets, 128);
  const trace = `X-IAM-Trace-Id=${traceId ?? 'none'}`;
  if (!response.ok) {
    const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const inner =
      typeof object['error'] === 'object' && object['error'] !== null
        ? (object['error'] as Record<string, unknown>)
        : {};
    const pick = (...values: unknown[]) =>
      values.find((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    const code = pick(object['error_code'], inner['code']);
    const message = pick(object['error_msg'], inner['message']);
    throw new LiveApiError({
      status: response.status,
      errorCode: code === undefined ? undefined : serverText(String(code), secrets, 128),
      errorMsg: `${message === undefined ? 'the account id lookup was refused' : serverText(String(message), secrets, 512)}; ${HOW}`,
      requestId: traceId,
      operation: 'KeystoneListAuthDomains',
      attempts: attemptsOf(response),
      body: serverText(typeof body === 'string' ? body : (JSON.stringify(body) ?? ''), secrets, 2048),
    });
  }
  // Only an answer the spec vouches for (ids of 32 hex digits) goes into a signed header.
  const isDomainList = keystoneListAuthDomains.responses['200'];
  if (!isDomainList(body)) {
    const [why] = problemsFrom(isDomainList.errors, body);
    const detail = why ? serverText(`${why.field} ${why.message}`, secrets, 200) : 'unexpected shape';
    throw new ConfigurationError(
      'domainId',
      `IAM answered the account id lookup with something that is not a domain list (${detail}; ${trace}); ${HOW}`,
    );
  }
  const [first] = (body as components['schemas']['DomainList']).domains;
  if (!first) throw new ConfigurationError('domainId', `IAM lists no account for this access key (${trace}); ${HOW}`);
  return first.id;
}
