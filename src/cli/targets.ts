// Where a command's domains come from: named (--domain, --domains-file), or read from the project
// (--covered: every pull domain with status on that the certificate covers; status --all: every
// play domain ShowCertificateInfo lists). Naming domains and asking for the project's are two
// different intents: both at once is refused before anything is sent.
import type { CertificateChain } from '../check/certificate-chain.js';
import type { LocalCertificate } from '../check/local-certificate.js';
import type { LiveClient } from '../client.js';
import { coveredTargets, listDomains } from '../ops/inventory.js';
import { domainProblems } from '../validate.js';
import type { DomainFlags } from './args.js';
import { domainsFrom } from './domains.js';
import { UsageError } from './exit-codes.js';
import { type DomainOutcome, type SkippedJson, skippedOutcome } from './fleet.js';

/** The domains named by flags, or `project` when the flag that reads them from the project was given. */
export function namedOrProject(
  values: DomainFlags & { covered?: boolean | undefined; all?: boolean | undefined },
  projectFlag: 'covered' | 'all',
): string[] | 'project' {
  if (values[projectFlag] !== true) return domainsFrom(values);
  const named = (['domain', 'domains-file'] as const).filter((f) => values[f] !== undefined).map((f) => `--${f}`);
  if (named.length)
    throw new UsageError(
      `--${projectFlag} takes the domains from the project; it cannot be combined with ${named.join(' or ')}: ` +
        `give either --${projectFlag} or the domains (nothing was sent)`,
    );
  return 'project';
}

/**
 * The certificate whose subjectAltName picks the --covered targets, checked before anything is
 * sent: --scm-cert-id or an SM pair alone name no international chain to read names from.
 */
export function coveringChain(local: LocalCertificate): CertificateChain {
  if (!local.chain)
    throw new UsageError(
      '--covered picks the domains the certificate covers: give the certificate with --cert FILE --key FILE',
    );
  return local.chain;
}

export interface Targets {
  /** Every domain of the run, in the project's order: targets and skipped alike. */
  domains: string[];
  /** The domains left alone, each with why. */
  skipped: Map<string, string>;
}

/** The --covered targets: one ShowDomain through `reader` (a real read, even in a dry run). */
export async function coveredTargetsOf(
  chain: CertificateChain,
  reader: Pick<LiveClient, 'showDomain' | 'showCertificateInfo'>,
): Promise<Targets> {
  const inventory = await listDomains(reader, { certificates: false });
  const { targets, skipped } = coveredTargets(chain, inventory);
  const reasons = new Map(skipped.map((s) => [s.domain, s.reason]));
  // A name the API gave is written to only when it is a domain name: a server that lies cannot
  // make this tool send a request for something else.
  for (const domain of targets)
    if (domainProblems(domain).length) reasons.set(domain, 'the name ShowDomain gave is not a valid domain name');
  return { domains: inventory.map((d) => d.domain), skipped: reasons };
}

/** Named domains: no one skipped. */
export const named = (domains: string[]): Targets => ({ domains, skipped: new Map() });

/** The task of a run whose skipped domains are reported without a call. */
export function skipping<J extends object>(
  skipped: ReadonlyMap<string, string>,
  task: (domain: string) => Promise<DomainOutcome<J>>,
): (domain: string) => Promise<DomainOutcome<J | SkippedJson>> {
  return async (domain) => {
    const reason = skipped.get(domain);
    return reason === undefined ? task(domain) : skippedOutcome(domain, reason);
  };
}
