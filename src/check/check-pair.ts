// The checks of one certificate and its private key: parsing, chain order and extra certificates,
// completeness, key type, key match, validity window and domain coverage.
// (The work is in pair-facts.ts: this file's declarations need no Node types.)
import type { CertificateSummary } from './certificate-summary.js';
import type { Finding, Subject } from './findings.js';
import { pairFacts, pairFindings } from './pair-facts.js';
import { DEFAULT_WARN_DAYS } from './validity.js';

export interface PairInput {
  subject: Subject;
  domain: string;
  certificate: string | undefined;
  privateKey: string | undefined;
  now: Date;
  /** A certificate that expires sooner than this many days is a warning. Default `DEFAULT_WARN_DAYS` (30). */
  expiryWarningDays?: number;
  /** SM certificates may use algorithms the runtime cannot handle: report "not checked", not a failure. */
  lenient: boolean;
}

export function checkPair(input: PairInput): { findings: Finding[]; summary?: CertificateSummary } {
  const facts = pairFacts(input.certificate, input.privateKey, { lenient: input.lenient, keyType: !input.lenient });
  return pairFindings(facts, input.subject, input.domain, input.now, input.expiryWarningDays ?? DEFAULT_WARN_DAYS);
}
