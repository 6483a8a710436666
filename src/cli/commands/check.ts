// live-https-cert check: the pre-flight checks alone, offline.
import { preflight } from '../../check/preflight.js';
import type { DomainHttpsCertInfo } from '../../types.js';
import type { ParsedValues } from '../args.js';
import { domainsFrom } from '../domains.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { readPemFile } from '../files.js';
import type { CliIo } from '../io.js';
import { findingsText } from '../output.js';

export function check(values: ParsedValues, io: CliIo): number {
  const domains = domainsFrom(values);
  const gm = ['gm-sign-cert', 'gm-sign-key', 'gm-enc-cert', 'gm-enc-key'].filter((f) => values[f] !== undefined);
  if (values['cert'] === undefined && values['key'] === undefined && gm.length === 0) throw new UsageError('give --cert FILE and --key FILE to check');
  if ((values['cert'] === undefined) !== (values['key'] === undefined)) throw new UsageError('--cert and --key go together');
  if (gm.length && gm.length < 4) throw new UsageError('an SM certificate needs all of --gm-sign-cert, --gm-sign-key, --gm-enc-cert, --gm-enc-key');
  const body: DomainHttpsCertInfo = {};
  if (values['cert'] !== undefined) {
    body.certificate = readPemFile(values['cert'] as string, '--cert');
    body.certificate_key = readPemFile(values['key'] as string, '--key');
  }
  if (gm.length) {
    body.gm_certificate = {
      sign_certificate: readPemFile(values['gm-sign-cert'] as string, '--gm-sign-cert'),
      sign_certificate_key: readPemFile(values['gm-sign-key'] as string, '--gm-sign-key'),
      enc_certificate: readPemFile(values['gm-enc-cert'] as string, '--gm-enc-cert'),
      enc_certificate_key: readPemFile(values['gm-enc-key'] as string, '--gm-enc-key'),
    };
  }
  const reports = domains.map((domain) => ({ domain, ...preflight(domain, body) }));
  if (values['json']) io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  else for (const report of reports) io.stdout(findingsText(report, report.domain));
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
}
