// live-https-cert check: the pre-flight checks alone, offline.
import { preflight } from '../../check/preflight.js';
import type { ParsedValues } from '../args.js';
import { domainsFrom } from '../domains.js';
import { certificateBodyFrom } from '../certificate-flags.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { findingsText } from '../output.js';

export function check(values: ParsedValues, io: CliIo): number {
  const domains = domainsFrom(values);
  const body = certificateBodyFrom(values, 'check');
  const reports = domains.map((domain) => ({ domain, ...preflight(domain, body) }));
  if (values['json']) io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  else for (const report of reports) io.stdout(findingsText(report, report.domain));
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
}
