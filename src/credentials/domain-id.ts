// The account (domain) id that Cloud Certificate Manager, a global service, is signed with: the
// official SDKs' GlobalCredentials send it as X-Domain-Id, from `domain_id` when configured, else
// found with the same AK/SK at IAM (`GET {iam}/v3/auth/domains`, the first domain's id). One
// answer per access key and IAM endpoint for the life of the process; a failed lookup is not kept.
// The SDK then asks STS (GetCallerIdentity) when IAM lists no domain; we say what to set instead.
import type { components } from '../../generated/iam-projects.js';
import { validators as keystoneListAuthDomains } from '../../generated/validators/iam-projects/KeystoneListAuthDomains.js';
import { ConfigurationError } from '../errors.js';
import { problemsFrom } from '../internal/schema-problems.js';
import { serverText } from '../internal/server-text.js';
import type { Transport } from '../transport/transport-types.js';
import { readIamAnswer } from './iam-answer.js';

export interface DomainLookup {
  accessKey: string;
  /** Base URL of IAM. */
  iamEndpoint: string;
  /** A transport that signs with the same credentials (and sends neither X-Project-Id nor X-Domain-Id). */
  transport: Transport;
  secrets: readonly string[];
  /**
   * What a person can set instead when the lookup fails (check.ts's DOMAIN_ID_HOW). Handed over
   * rather than imported: this module loads at the first CCM call, and a module of the client's
   * start graph it imported would be split into a browser chunk of its own (docs/performance.md).
   */
  how: string;
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

async function listDomains({ iamEndpoint, transport, secrets, how }: DomainLookup): Promise<string> {
  const response = await transport.call(
    `${iamEndpoint}/v3/auth/domains`,
    { method: 'GET', headers: { accept: 'application/json' } },
    { operation: 'KeystoneListAuthDomains' },
  );
  const { body, trace } = await readIamAnswer(
    response,
    'KeystoneListAuthDomains',
    secrets,
    (message) => `${message ?? 'the account id lookup was refused'}; ${how}`,
  );
  // Only an answer the spec vouches for (ids of 32 hex digits) goes into a signed header.
  const isDomainList = keystoneListAuthDomains.responses['200'];
  if (!isDomainList(body)) {
    const [why] = problemsFrom(isDomainList.errors, body);
    const detail = why ? serverText(`${why.field} ${why.message}`, secrets, 200) : 'unexpected shape';
    throw new ConfigurationError(
      'domainId',
      `IAM answered the account id lookup with something that is not a domain list (${detail}; ${trace}); ${how}`,
    );
  }
  const [first] = (body as components['schemas']['DomainList']).domains;
  if (!first) throw new ConfigurationError('domainId', `IAM lists no account for this access key (${trace}); ${how}`);
  return first.id;
}
