// Pre-flight of an update: the body the API would receive, checked as the API would check it
// and more (chain, key type, key match, expiry, domain coverage), before anything is sent. What
// does not depend on the domain is worked out once per LocalCertificate, so a fleet pays for it once.
import type { DomainHttpsCertInfo } from '../types.js';
import { domainProblems } from '../validate.js';
import type { CheckReport, Finding } from './findings.js';
import type { LocalCertificate } from './local-certificate.js';
import { pairFindings } from './pair-facts.js';
import { ParsedLocalCertificate } from './parsed-local.js';
import { DEFAULT_WARN_DAYS } from './validity.js';

export interface PreflightOptions {
  /** "Now" for the validity checks; the real clock by default. */
  now?: Date;
  /** A certificate that expires sooner than this many days is a warning. Default `DEFAULT_WARN_DAYS` (30). */
  warnDays?: number;
  /** @deprecated the same as `warnDays` (the name `status` uses too). */
  expiryWarningDays?: number;
}

/**
 * Checks an update body for one domain. Give a `LocalCertificate` (readLocalCertificate) to check
 * the same certificate for many domains: its certificates and keys are then parsed only once.
 */
export function preflight(
  domain: string,
  body: DomainHttpsCertInfo | LocalCertificate,
  options: PreflightOptions = {},
): CheckReport {
  const local = ParsedLocalCertificate.from(body);
  const now = options.now ?? new Date();
  const warnDays = options.warnDays ?? options.expiryWarningDays ?? DEFAULT_WARN_DAYS;
  const findings: Finding[] = [];

  for (const problem of [...domainProblems(domain), ...local.bodyProblems]) {
    // Lengths are reported per certificate below, with the same limits.
    if (problem.rule === 'length' && problem.field !== 'domain') continue;
    findings.push({
      check: 'source',
      subject: 'request',
      status: 'failed',
      severity: 'error',
      message: `${problem.field} ${problem.message}`,
    });
  }

  let summary: CheckReport['certificate'];
  const international = local.international;
  for (const pair of [...(international ? [international] : []), ...local.smPairs]) {
    const checked = pairFindings(pair.facts, pair.subject, domain, now, warnDays);
    findings.push(...checked.findings, ...pair.after);
    if (pair === international) summary = checked.summary;
  }

  const ok = !findings.some((f) => f.status === 'failed' && f.severity === 'error');
  return summary ? { ok, findings, certificate: summary } : { ok, findings };
}
