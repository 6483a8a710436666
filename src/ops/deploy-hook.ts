// The renewal hook of an ACME client: which files certbot renewed, and which Live domains the
// renewed certificate covers (those are uploaded; the others are skipped with a note).
import { join } from 'node:path';
import { summarizePem } from './certificate-summary.js';
import { namesCover } from './domain-names.js';

export interface RenewedLineage {
  /** `<lineage>/fullchain.pem`: the leaf and its chain, as the API wants it. */
  certificatePath: string;
  /** `<lineage>/privkey.pem`. */
  keyPath: string;
  /** certbot's RENEWED_DOMAINS: the names of the renewed certificate. */
  renewedDomains: string[];
}

/** Reads certbot's deploy-hook environment (RENEWED_LINEAGE, RENEWED_DOMAINS); undefined without one. */
export function renewedLineage(env: Record<string, string | undefined>): RenewedLineage | undefined {
  const lineage = env['RENEWED_LINEAGE']?.trim();
  if (!lineage) return undefined;
  return {
    certificatePath: join(lineage, 'fullchain.pem'),
    keyPath: join(lineage, 'privkey.pem'),
    renewedDomains: (env['RENEWED_DOMAINS'] ?? '').split(/\s+/).filter(Boolean),
  };
}

export interface Coverage {
  /** Live domains the certificate covers: to upload. */
  covered: string[];
  /** Live domains it does not cover, each with why: to skip. */
  skipped: { domain: string; reason: string }[];
}

/** Splits the Live domains into those the certificate's names cover (RFC 6125: `*` is one label) and the rest. */
export function coveredDomains(certificatePem: string, domains: readonly string[]): Coverage {
  const leaf = summarizePem(certificatePem);
  const names = leaf?.names ?? [];
  const coverage: Coverage = { covered: [], skipped: [] };
  for (const domain of domains) {
    if (namesCover(names, domain)) coverage.covered.push(domain);
    else
      coverage.skipped.push({
        domain,
        reason: `not covered by the renewed certificate (${names.join(', ') || 'no names'})`,
      });
  }
  return coverage;
}
