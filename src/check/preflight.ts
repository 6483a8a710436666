// Pre-flight of an update: the body the API would receive, checked as the API would check it
// and more (key match, expiry, domain coverage), before anything is sent.
import type { DomainHttpsCertInfo } from '../types.js';
import { LIMITS, domainProblems, updateBodyProblems, characters } from '../validate.js';
import { checkPair } from './check-pair.js';
import type { CheckReport, Finding, Subject } from './findings.js';
import { normalizePem } from './pem.js';

export interface PreflightOptions {
  /** "Now" for the validity checks; the real clock by default. */
  now?: Date;
  /** A certificate that expires sooner than this is a warning. Default 30. */
  expiryWarningDays?: number;
}

function sizeFinding(subject: Subject, what: string, text: string | undefined, max: number): Finding | undefined {
  if (text === undefined) return undefined;
  const length = characters(text);
  return length > max
    ? { check: 'size', subject, status: 'failed', severity: 'error', message: `${what} is ${length} characters; the API accepts at most ${max}` }
    : { check: 'size', subject, status: 'passed', severity: 'info', message: `${what} is ${length} of at most ${max} characters` };
}

function encodingFinding(subject: Subject, what: string, text: string | undefined): Finding | undefined {
  const changes = text === undefined ? [] : normalizePem(text).changes;
  return changes.length
    ? { check: 'text-encoding', subject, status: 'failed', severity: 'warning', message: `${what} has ${changes.map((c) => c.replace(/^(removed|converted) /, '')).join(' and ')}; send plain LF PEM text` }
    : undefined;
}

export function preflight(domain: string, body: DomainHttpsCertInfo, options: PreflightOptions = {}): CheckReport {
  const findings: Finding[] = [];
  const now = options.now ?? new Date();
  const expiryWarningDays = options.expiryWarningDays ?? 30;

  for (const problem of [...domainProblems(domain), ...updateBodyProblems(body)]) {
    // Lengths are reported per certificate below, with the same limits.
    if (problem.rule === 'length' && problem.field !== 'domain') continue;
    findings.push({ check: 'source', subject: 'request', status: 'failed', severity: 'error', message: `${problem.field} ${problem.message}` });
  }

  const tls = body.tls_certificate;
  const international =
    tls ? (tls.source === 'scm' ? undefined : { certificate: tls.certificate, privateKey: tls.certificate_key })
    : body.certificate !== undefined || body.certificate_key !== undefined ? { certificate: body.certificate, privateKey: body.certificate_key }
    : undefined;
  let summary: CheckReport['certificate'];
  if (international) {
    const pair = checkPair({ subject: 'tls', domain, ...international, now, expiryWarningDays, lenient: false });
    findings.push(...pair.findings);
    summary = pair.summary;
    for (const f of [
      sizeFinding('tls', 'the certificate', international.certificate, LIMITS.certificate),
      sizeFinding('tls', 'the private key', international.privateKey, LIMITS.certificateKey),
      encodingFinding('tls', 'the certificate', international.certificate),
      encodingFinding('tls', 'the private key', international.privateKey),
    ]) if (f) findings.push(f);
  }

  const gm = body.gm_certificate;
  if (gm && gm.source !== 'scm') {
    for (const [subject, certificate, privateKey] of [
      ['gm-sign', gm.sign_certificate, gm.sign_certificate_key],
      ['gm-enc', gm.enc_certificate, gm.enc_certificate_key],
    ] as const) {
      findings.push(...checkPair({ subject, domain, certificate, privateKey, now, expiryWarningDays, lenient: true }).findings);
      for (const f of [
        sizeFinding(subject, 'the certificate', certificate, LIMITS.certificate),
        sizeFinding(subject, 'the private key', privateKey, LIMITS.certificateKey),
      ]) if (f) findings.push(f);
    }
  }

  const ok = !findings.some((f) => f.status === 'failed' && f.severity === 'error');
  return summary ? { ok, findings, certificate: summary } : { ok, findings };
}
