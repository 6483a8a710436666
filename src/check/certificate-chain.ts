// A PEM certificate chain read once: what every check and operation of a command needs of it
// (names, fingerprints, summary, coverage) without parsing it again for each domain.
// (The X.509 work is in x509-chain.ts: this file's declarations need no Node types.)
import type { CertificateSummary, SummaryOptions } from './certificate-summary.js';
import { ParsedChain } from './x509-chain.js';

export interface CertificateChain {
  /** The PEM text it was read from (empty when there was none). */
  readonly pem: string;
  /** True when it holds at least one certificate and every certificate parsed. */
  readonly readable: boolean;
  /** SHA-256 fingerprints of the certificates, in file order (empty when unreadable). */
  readonly fingerprints: readonly string[];
  /** The DNS names of the leaf's subjectAltName (empty when unreadable or it has none). */
  readonly names: readonly string[];
  /** Whether the leaf's subjectAltName covers the domain (compared as A-labels). */
  covers(domain: string): boolean;
  /** The leaf's summary; undefined when unreadable. */
  summary(options?: SummaryOptions): CertificateSummary | undefined;
}

/** Reads a PEM bundle (BOM, CRLF and text around the blocks tolerated); never throws. */
export function readCertificateChain(pem: string | undefined): CertificateChain {
  return ParsedChain.fromPem(pem);
}

/** The summary of a PEM bundle's leaf, or undefined when it holds no certificate or one does not parse. */
export function summarizePem(pem: string | undefined, options: SummaryOptions = {}): CertificateSummary | undefined {
  return ParsedChain.fromPem(pem).summary(options);
}
