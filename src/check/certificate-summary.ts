// What an operator needs to know about a certificate chain (deployed, local or served): who it is
// for, who issued it, when it expires, its fingerprint. Never key material. Text from the
// certificate may come from a server: control characters and escape sequences are stripped.
// (Types only: the X.509 work is in x509-chain.ts, and Node types stay out of the public entries.)

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** The DNS names of the leaf's subjectAltName (the subject CN is not a name: browsers ignore it). */
  names: string[];
  notBefore: string;
  notAfter: string;
  /** Whole days from `now` to notAfter; negative once expired. */
  daysLeft: number;
  /** SHA-256 fingerprint of the leaf, colon-separated upper-case hex (as openssl prints it). */
  fingerprint256: string;
  /** Fingerprints of every certificate, in file order: two chains are the same when these are. */
  chainFingerprints: string[];
  /** Whether the names cover the domain asked about (when one was). */
  coversDomain?: boolean;
}

export interface SummaryOptions {
  /** Fills `coversDomain`. */
  domain?: string;
  /** For `daysLeft`; the real clock by default. */
  now?: Date;
}
