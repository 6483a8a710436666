// live-https-cert update: read the files, run the pre-flight checks per domain, upload.
import { preflight } from '../../check/preflight.js';
import type { CheckReport } from '../../check/findings.js';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { certificateBodyFrom } from '../certificate-flags.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { findingsText } from '../output.js';
import { runOverDomains } from '../run-domains.js';
import { callOutcome, printSingle } from './outcome.js';

/** What of a report goes into JSON and the table: everything but the passed checks. */
function reportJson(report: CheckReport): Record<string, unknown> {
  return { ok: report.ok, findings: report.findings.filter((f) => f.status !== 'passed'), ...(report.certificate ? { certificate: report.certificate } : {}) };
}

export async function update(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const body = certificateBodyFrom(values, 'update');
  const { client, captured } = await commandClient(values, io.env, io.stderr);
  const json = values['json'] === true;
  const checks = values['skip-checks'] !== true;
  const reports = new Map<string, CheckReport>();

  return runOverDomains(domains, values, io, async (domain) => {
    let checkJson: Record<string, unknown> = {};
    if (checks) {
      const report = preflight(domain, body);
      reports.set(domain, report);
      checkJson = { checks: reportJson(report) };
      if (!report.ok) {
        const errors = report.findings.filter((f) => f.status === 'failed' && f.severity === 'error');
        return {
          domain, status: 'failed', exitCode: EXIT.usage,
          detail: `pre-flight: ${errors.map((f) => `${f.check}: ${f.message}`).join('; ')}`,
          json: { domain, status: 'failed', ...checkJson, error: { name: 'PreflightError', message: 'pre-flight checks found errors; nothing was uploaded', exitCode: EXIT.usage } },
        };
      }
    }
    return callOutcome(domain, captured, () => client.updateDomainHttpsCert({ domain, body }), ({ requestId }) => ({
      detail: `uploaded (request id ${requestId ?? 'n/a'})`,
      json: { requestId },
    }), checkJson);
  }, (outcome) => {
    const report = reports.get(outcome.domain);
    if (!json && report && (!report.ok || report.findings.some((f) => f.status !== 'passed'))) io.stderr(findingsText(report, outcome.domain));
    // A domain refused by the checks has had its findings printed just above.
    if (outcome.status !== 'ok' && report && !report.ok && !json) return;
    printSingle(outcome, values, io, (o) => `Updated the HTTPS certificate of ${o.domain} (request id ${String(o.json['requestId'] ?? 'n/a')})\n`);
  });
}

