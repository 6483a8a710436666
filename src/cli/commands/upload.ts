// The upload of one domain, shared by update and deploy-hook: pre-flight, read-compare-write
// (or the dry run of it), then optionally verify what the domain serves.
import { preflight } from '../../check/preflight.js';
import type { CheckReport } from '../../check/findings.js';
import type { LocalCertificate } from '../../check/local-certificate.js';
import { scmBody } from '../../ops/ccm-deploy.js';
import { readCompareWrite, type ReadCompareWriteResult } from '../../ops/read-compare-write.js';
import { type RollbackResult, rollbackDomain } from '../../ops/rollback.js';
import { verifyServed, type VerifyResult } from '../../ops/verify.js';
import type { CcmPlan } from '../ccm.js';
import type { UploadRun } from '../upload-run.js';
import type { CcmFlags, ConnectionFlags, VerifyFlags, WriteFlags } from '../args.js';
import type { CommandClient } from '../client-factory.js';
import { EXIT, exitCodeOf, UsageError } from '../exit-codes.js';
import type { DomainOutcome, SkippedJson } from '../fleet.js';
import { verifyTargetFrom } from '../verify-flags.js';
import { errorJson, errorLine, type RedactedRequest } from '../output.js';
import { type FailedJson, failedOutcome, type OkJson, okOutcome } from './outcome.js';

/** A rollback result as printed: what was restored, or why nothing was (the saved entry stays out: it is on disk). */
export interface RollbackJson {
  action: RollbackResult['action'];
  reason?: string;
  restored?: NonNullable<RollbackResult['restored']>;
  requestId?: string;
  savedAt?: string;
}

/**
 * What an upload that was tried reports: the comparison and write (without the domain, which
 * leads the result), the checks, the CCM binding, and what the run added (a dry run's request,
 * the verify, the rollback after a verify that failed).
 */
type UploadReport = Omit<ReadCompareWriteResult, 'domain'> & {
  checks: CheckReport;
  ccm?: CcmPlan | undefined;
  dryRun?: true;
  request?: RedactedRequest;
  verify?: VerifyResult;
  rollback?: RollbackJson | { action: 'failed'; error: Record<string, unknown> };
};

/**
 * A domain's result in update's and deploy-hook's JSON: the upload (a failure when what is served
 * did not match), the pre-flight errors that stopped it, or the error of a call.
 */
export type UploadJson =
  | OkJson<UploadReport>
  | ({ domain: string; status: 'failed' } & UploadReport)
  | FailedJson<{ checks: CheckReport; ccm?: CcmPlan | undefined }>;

/** What of a report goes into JSON: everything but the passed checks. */
function reportJson(report: CheckReport): CheckReport {
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

function resultJson(result: ReadCompareWriteResult): Omit<ReadCompareWriteResult, 'domain'> {
  const { domain: _d, ...rest } = result;
  return rest;
}

/** --rollback-on-failure only means something after --verify (it is the verify that fails). */
export function checkRollbackOnFailure(values: CcmFlags & Pick<WriteFlags, 'verify'>): void {
  if (values['rollback-on-failure'] && !values['verify'])
    throw new UsageError('--rollback-on-failure needs --verify (the rollback follows a verify that fails)');
}

function rolledBackText(rolledBack: RollbackResult): string {
  return rolledBack.action === 'restored'
    ? `; rolled back to cert_id ${rolledBack.restored!.certId} (request id ${rolledBack.requestId ?? 'n/a'})`
    : `; not rolled back: ${rolledBack.reason}`;
}

export function uploadTask(
  values: WriteFlags & VerifyFlags & CcmFlags & Pick<ConnectionFlags, 'timeout'>,
  local: LocalCertificate,
  cc: CommandClient,
  notes: string[] = [],
  interrupt?: AbortSignal,
  run: UploadRun = {},
): (domain: string) => Promise<DomainOutcome<UploadJson>> {
  const forceRedirect = forceRedirectFrom(values);
  const skipChecks = values['skip-checks'] === true;
  const dryRun = values['dry-run'] === true;
  checkRollbackOnFailure(values);
  const verify = values['verify'] === true ? verifyTargetFrom(values) : undefined;
  const rollbackOnFailure = values['rollback-on-failure'] === true;
  const state = dryRun ? undefined : run.state;
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
    let ccm: CcmPlan | undefined;
    try {
      ccm = run.ccm ? await run.ccm() : undefined;
      const body = ccm ? scmBody(ccm) : local;
      ({ result, request } = await cc.record(() =>
        readCompareWrite({
          client: cc.reader,
          writer: cc.client,
          domain,
          body,
          forceRedirect,
          always: values['always'] === true,
          ...(state ? { beforeWrite: async (deployed) => void (await state.save(domain, deployed, 'update')) } : {}),
        }),
      ));
    } catch (error) {
      return failedOutcome(domain, error, { ...checks, ...(ccm ? { ccm } : {}) }, warnings);
    }
    const json = { ...resultJson(result), ...checks, ...(ccm ? { ccm } : {}) };
    if (result.action === 'unchanged') {
      const what = ccm ? `CCM binding (cert_id ${ccm.certId})` : 'certificate';
      const detail = `unchanged: the deployed ${what} and force_redirect ${result.local.forceRedirect} already match; nothing uploaded`;
      if (dryRun || !verify)
        return okOutcome(domain, detail, { ...json, ...(dryRun ? { dryRun: true } : {}) }, warnings, 'unchanged');
    }
    if (request)
      return okOutcome(
        domain,
        `dry run: would ${ccm ? `bind to CCM ${ccm.certName} (${ccm.action === 'reused' ? `cert_id ${ccm.certId}, already in CCM` : 'imported once for the run'})` : 'upload'} (${result.differences.map((d) => d.field).join(', ') || 'without comparing'})`,
        { ...json, dryRun: true, request },
        warnings,
      );
    const done =
      result.action === 'unchanged'
        ? 'unchanged'
        : `${ccm ? `bound to CCM ${ccm.certName} (cert_id ${ccm.certId}), ` : ''}uploaded (request id ${result.requestId ?? 'n/a'})`;
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
    // Only what this run wrote is undone: an unchanged domain's setting was there before it.
    let rolledBack: RollbackResult | undefined;
    let rollbackFailed: unknown;
    if (rollbackOnFailure && state && result.action === 'updated') {
      try {
        rolledBack = await rollbackDomain({ client: cc.client, state, domain });
      } catch (error) {
        rollbackFailed = error;
      }
    }
    const rollback = rolledBack
      ? { rollback: rollbackJson(rolledBack) }
      : rollbackFailed
        ? { rollback: { action: 'failed' as const, error: errorJson(rollbackFailed) } }
        : {};
    const undone = rolledBack
      ? rolledBackText(rolledBack)
      : rollbackFailed
        ? `; the rollback failed: ${errorLine(rollbackFailed)}`
        : '';
    return {
      // Nothing served (no handshake) is a network failure, not a finding about the certificate.
      domain,
      status: 'failed',
      exitCode: rollbackFailed ? exitCodeOf(rollbackFailed) : verified.handshake ? EXIT.attention : EXIT.network,
      warnings,
      detail: `${done}; but ${verified.address} ${served} (expected ${verified.expectedFingerprint})${undone}`,
      json: { domain, status: 'failed', ...withVerify, ...rollback },
    };
  };
}

export function rollbackJson(r: RollbackResult): RollbackJson {
  return {
    action: r.action,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.restored ? { restored: r.restored } : {}),
    ...(r.requestId ? { requestId: r.requestId } : {}),
    ...(r.saved ? { savedAt: r.saved.savedAt } : {}),
  };
}

export function uploadText(outcome: DomainOutcome<UploadJson | SkippedJson>): string {
  const j = outcome.json;
  // printOne gives this only an upload that was tried (errors and skips have their own text).
  if (!('local' in j)) return `${outcome.domain}: ${outcome.detail}\n`;
  if (outcome.status === 'unchanged')
    return `Unchanged: ${outcome.domain} already has this certificate (force_redirect ${String(j.local.forceRedirect)}); nothing was uploaded\n${verifiedText(j)}`;
  const ccm = j.ccm;
  const bound = ccm
    ? `Bound ${outcome.domain} to the CCM certificate ${ccm.certName} (cert_id ${ccm.certId}, ${ccm.action === 'imported' ? 'imported by this run' : 'already in CCM'}; request id ${String(j.requestId ?? 'n/a')})\n`
    : undefined;
  return `${bound ?? `Updated the HTTPS certificate of ${outcome.domain} (request id ${String(j.requestId ?? 'n/a')})\n`}${verifiedText(j)}`;
}

function verifiedText(j: UploadReport): string {
  const v = j.verify;
  return v?.matched
    ? `Verified: ${v.address} serves the new certificate (after ${v.attempts} ${v.attempts === 1 ? 'try' : 'tries'})\n`
    : '';
}
