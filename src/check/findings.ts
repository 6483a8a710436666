import type { CertificateSummary } from './certificate-summary.js';

/** How much a finding matters: an error blocks the upload, a warning does not. */
export type Severity = 'error' | 'warning' | 'info';

/** `not-checked` means the runtime could not tell; it is never counted as passed. */
export type CheckStatus = 'passed' | 'failed' | 'not-checked';

/** Which certificate a finding is about. */
export type Subject = 'tls' | 'gm-sign' | 'gm-enc' | 'request';

export type CheckName =
  | 'text-encoding'
  | 'certificate-parses'
  | 'chain-order'
  | 'chain-extra'
  | 'chain-complete'
  | 'key-type'
  | 'key-parses'
  | 'key-matches'
  | 'validity'
  | 'domain'
  | 'size'
  | 'source';

export interface Finding {
  check: CheckName;
  subject: Subject;
  status: CheckStatus;
  severity: Severity;
  message: string;
}

/** One summary for check and ops (the shape `status` and `update` report). */
export type { CertificateSummary };

export interface CheckReport {
  /** False when any finding is a failed error. */
  ok: boolean;
  findings: Finding[];
  /** The leaf of the international certificate, when it parsed. */
  certificate?: CertificateSummary;
}
