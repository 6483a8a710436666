// live-https-cert update: read the files, run the pre-flight checks per domain, upload.
import { preflight } from '../../check/preflight.js';
import type { CheckReport } from '../../check/findings.js';
import type { DomainHttpsCertInfo } from '../../types.js';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { readPemFile } from '../files.js';
import type { CliIo } from '../io.js';
import { findingsText } from '../output.js';
import { runOverDomains } from '../run-domains.js';
import { callOutcome, printSingle } from './outcome.js';

const GM_FLAGS = ['gm-sign-cert', 'gm-sign-key', 'gm-enc-cert', 'gm-enc-key'] as const;

function bodyFrom(values: ParsedValues): DomainHttpsCertInfo {
  const cert = values['cert'] as string | undefined;
  const key = values['key'] as string | undefined;
  const scmId = values['scm-cert-id'] as string | undefined;
  const gmGiven = GM_FLAGS.filter((f) => values[f] !== undefined);
  if ((cert === undefined) !== (key === undefined)) throw new UsageError(`${cert ? '--key' : '--cert'} is missing: --cert and --key go together`);
  if (scmId !== undefined && cert !== undefined) throw new UsageError('give either --cert/--key or --scm-cert-id, not both');
  if (gmGiven.length && gmGiven.length < GM_FLAGS.length) {
    throw new UsageError(`an SM certificate needs all of ${GM_FLAGS.map((f) => `--${f}`).join(', ')}; missing ${GM_FLAGS.filter((f) => !gmGiven.includes(f)).map((f) => `--${f}`).join(', ')}`);
  }
  if (cert === undefined && scmId === undefined && !gmGiven.length) throw new UsageError('give --cert FILE --key FILE, or --scm-cert-id ID (see live-https-cert update --help)');

  const body: DomainHttpsCertInfo = {};
  if (cert !== undefined && key !== undefined) {
    Object.assign(body, { certificate_format: 'PEM', certificate: readPemFile(cert, '--cert'), certificate_key: readPemFile(key, '--key') });
  }
  if (scmId !== undefined) body.tls_certificate = { source: 'scm', cert_id: scmId };
  if (gmGiven.length) {
    body.gm_certificate = {
      source: 'user',
      sign_certificate: readPemFile(values['gm-sign-cert'] as string, '--gm-sign-cert'),
      sign_certificate_key: readPemFile(values['gm-sign-key'] as string, '--gm-sign-key'),
      enc_certificate: readPemFile(values['gm-enc-cert'] as string, '--gm-enc-cert'),
      enc_certificate_key: readPemFile(values['gm-enc-key'] as string, '--gm-enc-key'),
    };
  }
  if (values['force-redirect']) body.force_redirect = true;
  return body;
}

/** What of a report goes into JSON and the table: everything but the passed checks. */
function reportJson(report: CheckReport): Record<string, unknown> {
  return { ok: report.ok, findings: report.findings.filter((f) => f.status !== 'passed'), ...(report.certificate ? { certificate: report.certificate } : {}) };
}

export async function update(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const body = bodyFrom(values);
  const { client, captured } = commandClient(values, io.env);
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

