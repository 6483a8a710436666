// Pre-flight of an update: the body the API would receive, checked as the API would check it
// and more (key match, expiry, domain coverage), before anything is sent.
import type { DomainHttpsCertInfo } from '../types.js';
import type { ValidationProblem } from '../errors.js';
import { characters } from '../internal/schema-problems.js';
import { domainProblems, updateBodyProblems } from '../validate.js';
import { checkPair } from './check-pair.js';
import type { CheckReport, Finding, Subject } from './findings.js';
import { normalizePem } from './pem.js';

export interface PreflightOptions {
  /** "Now" for the validity checks; the real clock by default. */
  now?: Date;
  /** A certificate that expires sooner than this is a warning. Default 30. */
  expiryWarningDays?: number;
}

// The limits are the spec's: the generated validator reports a text over its limit as a length problem.
function sizeFinding(
  subject: Subject,
  what: string,
  text: string | undefined,
  field: string,
  problems: readonly ValidationProblem[],
): Finding | undefined {
  if (text === undefined) return undefined;
  const over = problems.find(
    (p) =>
      p.rule === 'length' && p.field === field && p.size !== undefined && p.limit !== undefined && p.size > p.limit,
  );
  return over
    ? { check: 'size', subject, status: 'failed', severity: 'error', message: `${what} ${over.message}` }
    : {
        check: 'size',
        subject,
        status: 'passed',
        severity: 'info',
        message: `${what} is ${characters(text)} characters, within the API's limit`,
      };
}

function encodingFinding(subject: Subject, what: string, text: string | undefined): Finding | undefined {
  const changes = text === undefined ? [] : normalizePem(text).changes;
  return changes.length
    ? {
        check: 'text-encoding',
        subject,
        status: 'failed',
        severity: 'warning',
        message: `${what} has ${changes.map((c) => c.replace(/^(removed|converted) /, '')).join(' and ')}; send plain LF PEM text`,
      }
    : undefined;
}

export function preflight(domain: string, body: DomainHttpsCertInfo, options: PreflightOptions = {}): CheckReport {
  const findings: Finding[] = [];
  const now = options.now ?? new Date();
  const expiryWarningDays = options.expiryWarningDays ?? 30;

  const bodyProblems = updateBodyProblems(body);
  for (const problem of [...domainProblems(domain), ...bodyProblems]) {
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

  const tls = body.tls_certificate;
  const international = tls
    ? tls.source === 'scm'
      ? undefined
      : { certificate: tls.certificate, privateKey: tls.certificate_key, at: 'tls_certificate.' }
    : body.certificate !== undefined || body.certificate_key !== undefined
      ? { certificate: body.certificate, privateKey: body.certificate_key, at: '' }
      : undefined;
  let summary: CheckReport['certificate'];
  if (international) {
    const pair = checkPair({ subject: 'tls', domain, ...international, now, expiryWarningDays, lenient: false });
    findings.push(...pair.findings);
    summary = pair.summary;
    for (const f of [
      sizeFinding('tls', 'the certificate', international.certificate, `${international.at}certificate`, bodyProblems),
      sizeFinding(
        'tls',
        'the private key',
        international.privateKey,
        `${international.at}certificate_key`,
        bodyProblems,
      ),
      encodingFinding('tls', 'the certificate', international.certificate),
      encodingFinding('tls', 'the private key', international.privateKey),
    ])
      if (f) findings.push(f);
  }

  const gm = body.gm_certificate;
  if (gm && gm.source !== 'scm') {
    for (const [subject, certificate, privateKey, name] of [
      ['gm-sign', gm.sign_certificate, gm.sign_certificate_key, 'sign_certificate'],
      ['gm-enc', gm.enc_certificate, gm.enc_certificate_key, 'enc_certificate'],
    ] as const) {
      findings.push(
        ...checkPair({ subject, domain, certificate, privateKey, now, expiryWarningDays, lenient: true }).findings,
      );
      for (const f of [
        sizeFinding(subject, 'the certificate', certificate, `gm_certificate.${name}`, bodyProblems),
        sizeFinding(subject, 'the private key', privateKey, `gm_certificate.${name}_key`, bodyProblems),
      ])
        if (f) findings.push(f);
    }
  }

  const ok = !findings.some((f) => f.status === 'failed' && f.severity === 'error');
  return summary ? { ok, findings, certificate: summary } : { ok, findings };
}
