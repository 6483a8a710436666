// The upload of one domain, shared by update and deploy-hook: pre-flight, read-compare-write
// (or the dry run of it), then optionally verify what the domain serves.
import { preflight } from '../../check/preflight.js';
import type { CheckReport } from '../../check/findings.js';
import type { LocalCertificate } from '../../check/local-certificate.js';
import { readCompareWrite, type ReadCompareWriteResult } from '../../ops/read-compare-write.js';
import { verifyServed } from '../../ops/verify.js';
import type { ConnectionFlags, VerifyFlags, WriteFlags } from '../args.js';
import type { CommandClient } from '../client-factory.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import { verifyTargetFrom } from '../verify-flags.js';
import type { RedactedRequest } from '../output.js';
import { failedOutcome, okOutcome } from './outcome.js';

/** What of a report goes into JSON: everything but the passed checks. */
function reportJson(report: CheckReport): Record<string, unknown> {
  return {
    ok: report.ok,
    findings: report.findings.filter((f) => f.status !== 'passed'),
    ...(report.certificate ? { certificate: report.certificate } : {}),
  };
}

/** --force-redirect true, --no-force-redirect false, neither undefined (keep what is deployed). */
export function forceRedirectFrom(values: WriteFlags): boolean | undefined {
  if (values['force-redirect'] && values['no-force-redirect'])
    throw new UsageError('give --force-redirect or --no-force-redirect, not both');
  return values['force-redirect'] ? true : values['no-force-redirect'] ? false : undefined;
}

function resultJson(result: ReadCompareWriteResult): Record<string, unknown> {
  const { domain: _d, ...rest } = result;
  return rest;
}

export function uploadTask(
  values: WriteFlags & VerifyFlags & Pick<ConnectionFlags, 'timeout'>,
  local: LocalCertificate,
  cc: CommandClient,
  notes: string[] = [],
  interrupt?: AbortSignal,
): (domain: string) => Promise<DomainOutcome> {
  const forceRedirect = forceRedirectFrom(values);
  const skipChecks = values['skip-checks'] === true;
  const dryRun = values['dry-run'] === true;
  const verify = values['verify'] === true ? verifyTargetFrom(values) : undefined;
  if (values['always'] && forceRedirect === undefined) {
    notes = [...notes, '--always without --force-redirect/--no-force-redirect: the API sets force_redirect to false'];
  }

  return async (domain) => {
    const warnings = [...notes];
    const report = preflight(domain, local);
    const checks = { checks: reportJson(report) };
    for (const f of report.findings)
      if (f.status === 'failed' && f.severity === 'warning') warnings.push(`${f.check}: ${f.message}`);
    const errors = report.findings.filter((f) => f.status === 'failed' && f.severity === 'error');
    if (errors.length && !skipChecks) {
      return {
        domain,
        status: 'failed',
        exitCode: EXIT.usage,
        warnings,
        detail: `pre-flight: ${errors.map((f) => `${f.check}: ${f.message}`).join('; ')} (nothing was uploaded; fix them, or --skip-checks)`,
        json: {
          domain,
          status: 'failed',
          ...checks,
          error: {
            name: 'PreflightError',
            message: 'pre-flight checks found errors; nothing was uploaded',
            exitCode: EXIT.usage,
          },
        },
      };
    }
    if (skipChecks)
      warnings.push(
        errors.length
          ? `pre-flight errors ignored (--skip-checks): ${errors.map((f) => `${f.check}: ${f.message}`).join('; ')}`
          : 'pre-flight checks not enforced (--skip-checks)',
      );

    let result: ReadCompareWriteResult;
    let request: RedactedRequest | undefined;
    try {
      ({ result, request } = await cc.record(() =>
        readCompareWrite({
          client: cc.reader,
          writer: cc.client,
          domain,
          body: local,
          forceRedirect,
          always: values['always'] === true,
        }),
      ));
    } catch (error) {
      return failedOutcome(domain, error, checks, warnings);
    }
    const json = { ...resultJson(result), ...checks };
    if (result.action === 'unchanged') {
      const detail = `unchanged: the deployed certificate and force_redirect ${result.local.forceRedirect} already match; nothing uploaded`;
      if (dryRun || !verify)
        return okOutcome(domain, detail, { ...json, ...(dryRun ? { dryRun: true } : {}) }, warnings, 'unchanged');
    }
    if (request)
      return okOutcome(
        domain,
        `dry run: would upload (${result.differences.map((d) => d.field).join(', ') || 'without comparing'})`,
        { ...json, dryRun: true, request },
        warnings,
      );
    const done = result.action === 'unchanged' ? 'unchanged' : `uploaded (request id ${result.requestId ?? 'n/a'})`;
    if (!verify) return okOutcome(domain, done, json, warnings);

    const leaf = local.chain?.summary();
    if (!leaf)
      return okOutcome(
        domain,
        `${done}; not verified (no PEM certificate to compare with)`,
        json,
        [...warnings, '--verify needs a PEM certificate (--cert) to compare with'],
        result.action === 'unchanged' ? 'unchanged' : 'ok',
      );
    // Ctrl-C ends the --wait polling (the upload itself has finished).
    const verified = await verifyServed({
      domain,
      expectedFingerprint: leaf.fingerprint256,
      ...verify,
      ...(interrupt ? { signal: interrupt } : {}),
    });
    const withVerify = { ...json, verify: verified };
    if (verified.matched)
      return okOutcome(
        domain,
        `${done}; verified: ${verified.address} serves it`,
        withVerify,
        warnings,
        result.action === 'unchanged' ? 'unchanged' : 'ok',
      );
    const served = verified.served
      ? `serves ${verified.served.subject}, fingerprint ${verified.served.fingerprint256}, until ${verified.served.notAfter}`
      : `could not be checked: ${verified.error}`;
    return {
      // Nothing served (no handshake) is a network failure, not a finding about the certificate.
      domain,
      status: 'failed',
      exitCode: verified.handshake ? EXIT.attention : EXIT.network,
      warnings,
      detail: `${done}; but ${verified.address} ${served} (expected ${verified.expectedFingerprint})`,
      json: { domain, status: 'failed', ...withVerify },
    };
  };
}

export function uploadText(outcome: DomainOutcome): string {
  const j = outcome.json;
  if (outcome.status === 'unchanged')
    return `Unchanged: ${outcome.domain} already has this certificate (force_redirect ${String((j['local'] as Record<string, unknown>)?.['forceRedirect'])}); nothing was uploaded\n${verifiedText(j)}`;
  return `Updated the HTTPS certificate of ${outcome.domain} (request id ${String(j['requestId'] ?? 'n/a')})\n${verifiedText(j)}`;
}

function verifiedText(j: Record<string, unknown>): string {
  const v = j['verify'] as { matched: boolean; address: string; attempts: number } | undefined;
  return v?.matched
    ? `Verified: ${v.address} serves the new certificate (after ${v.attempts} ${v.attempts === 1 ? 'try' : 'tries'})\n`
    : '';
}
