// live-https-cert deploy-hook: for ACME clients. The renewed certificate (certbot's lineage, or
// --cert/--key from acme.sh) goes to the Live domains it covers; the others are skipped with a note.
import { coveredDomains, renewedLineage } from '../../ops/deploy-hook.js';
import type { ParsedValues } from '../args.js';
import { certificateBodyFrom } from '../certificate-flags.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { UsageError } from '../exit-codes.js';
import { skippedOutcome } from '../fleet.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { checkViaCcm, uploadRun, withFixedChain } from './update.js';
import { checkRollbackOnFailure, uploadTask, uploadText } from './upload.js';

export async function deployHook(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  checkRollbackOnFailure(values);
  const lineage = renewedLineage(io.env);
  const files: ParsedValues = { ...values };
  if (values['cert'] === undefined && values['key'] === undefined) {
    if (!lineage)
      throw new UsageError(
        "no certificate: run as certbot's --deploy-hook (RENEWED_LINEAGE is set there), or give --cert FILE --key FILE",
      );
    files['cert'] = lineage.certificatePath;
    files['key'] = lineage.keyPath;
  }
  checkViaCcm(files);
  const { local, notes } = withFixedChain(certificateBodyFrom(files, 'update', io.stderr), values);
  const coverage = coveredDomains(local, domains);
  const skipped = new Map(coverage.skipped.map((s) => [s.domain, s.reason]));
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  const upload = uploadTask(values, local, cc, notes, io.interrupt, uploadRun(values, io, local, cc));
  return runOverDomains({
    domains,
    values,
    io,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: async (domain) => (skipped.has(domain) ? skippedOutcome(domain, skipped.get(domain)!) : upload(domain)),
    single: uploadText,
  });
}
