// What an operator needs to know about a certificate chain (deployed or local): who it is for,
// who issued it, when it expires, its fingerprint. Never key material. Text from the certificate
// may come from a server: control characters and escape sequences are stripped.
// (The X.509 work is in x509-summary.ts: this file's declarations need no Node types.)
import { parseChain, summarizeCertificate } from './x509-summary.js';

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** DNS names the leaf covers. */
  names: string[];
  notBefore: string;
  notAfter: string;
  /** Whole days from `now` to notAfter; negative once expired. */
  daysLeft: number;
  /** SHA-256 fingerprint of the leaf, colon-separated upper-case hex (as openssl prints it). */
  fingerprint256: string;
  /** Fingerprints of every certificate, leaf first: two chains are the same when these are. */
  chainFingerprints: string[];
  /** Whether the names cover the domain asked about (when one was). */
  coversDomain?: boolean;
}

/** The summary of a PEM bundle's first certificate (the leaf), or undefined when it does not parse. */
export function summarizePem(
  pem: string | undefined,
  options: { domain?: string; now?: Date } = {},
): CertificateSummary | undefined {
  const chain = parseChain(pem);
  return chain ? summarizeCertificate(chain[0]!, chain, options) : undefined;
}
