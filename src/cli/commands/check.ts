// live-https-cert check: the pre-flight checks alone, offline.
import { preflight } from '../../check/preflight.js';
import type { Flags } from '../args.js';
import { domainsFrom } from '../domains.js';
import { certificateBodyFrom, withFixedChain } from '../certificate-flags.js';
import { EXIT } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import type { CliIo } from '../io.js';
import { findingsText, resultDocument } from '../output.js';

export function check(values: Flags<'check'>, io: CliIo): number {
  const domains = domainsFrom(values);
  const { local, notes } = withFixedChain(certificateBodyFrom(values, 'check', io.stderr), values);
  const reports = domains.map((domain) => ({ domain, ...preflight(domain, local) }));
  const outcomes: DomainOutcome[] = reports.map((r) => {
    const warnings = [
      ...notes,
      ...r.findings
        .filter((f) => f.status === 'failed' && f.severity === 'warning')
        .map((f) => `${f.check}: ${f.message}`),
    ];
    return {
      domain: r.domain,
      status: r.ok ? 'ok' : 'failed',
      exitCode: r.ok ? 0 : EXIT.usage,
      detail: '',
      warnings,
      json: { status: r.ok ? 'ok' : 'failed', ...r },
    };
  });
  if (values['json']) io.stdout(`${JSON.stringify(resultDocument(outcomes, []), null, 2)}\n`);
  else {
    for (const note of notes) io.stderr(`note: ${note}\n`);
    for (const report of reports) io.stdout(findingsText(report, report.domain));
  }
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
}
