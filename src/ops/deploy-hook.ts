// The renewal hook of an ACME client: which files certbot renewed, and which Live domains the
// renewed certificate covers (those are uploaded; the others are skipped with a note).
import { join } from 'node:path';
import { type CertificateChain, readCertificateChain } from '../check/certificate-chain.js';
import type { LocalCertificate } from '../check/local-certificate.js';

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

/**
 * Splits the Live domains into those the certificate's subjectAltName covers (RFC 6125: `*` is one
 * label; the subject CN is not a name) and the rest. Takes the PEM text, or the chain or local
 * certificate a command already read.
 */
export function coveredDomains(
  certificate: string | CertificateChain | LocalCertificate,
  domains: readonly string[],
): Coverage {
  const chain =
    typeof certificate === 'string'
      ? readCertificateChain(certificate)
      : 'body' in certificate
        ? (certificate.chain ?? readCertificateChain(undefined))
        : certificate;
  const names = chain.names;
  const coverage: Coverage = { covered: [], skipped: [] };
  for (const domain of domains) {
    if (chain.covers(domain)) coverage.covered.push(domain);
    else
      coverage.skipped.push({
        domain,
        reason: `not covered by the renewed certificate (${names.join(', ') || 'no DNS name in its subjectAltName'})`,
      });
  }
  return coverage;
}
