// live-https-cert deploy-hook: for ACME clients. The renewed certificate (certbot's lineage, or
// --cert/--key from acme.sh) goes to the Live domains it covers; the others are skipped with a note.
import type { CertificateChain } from '../../check/certificate-chain.js';
import { coveredDomains, renewedLineage } from '../../ops/deploy-hook.js';
import type { CertificateFlags, Flags } from '../args.js';
import { certificateBodyFrom, withFixedChain } from '../certificate-flags.js';
import { commandClient } from '../client-factory.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { coveredTargetsOf, coveringChain, namedOrProject, skipping, type Targets } from '../targets.js';
import { checkViaCcm, uploadRun } from '../upload-run.js';
import type { SkippedJson } from '../fleet.js';
import { checkRollbackOnFailure, type UploadJson, uploadTask, uploadText } from './upload.js';

export async function deployHook(values: Flags<'deploy-hook'>, io: CliIo): Promise<number> {
  const source = namedOrProject(values, 'covered');
  checkRollbackOnFailure(values);
  const lineage = renewedLineage(io.env);
  const files: CertificateFlags = { ...values };
  if (values['cert'] === undefined && values['key'] === undefined) {
    if (!lineage)
      throw new UsageError(
        "no certificate: run as certbot's --deploy-hook (RENEWED_LINEAGE is set there), or give --cert FILE --key FILE",
      );
    files.cert = lineage.certificatePath;
    files.key = lineage.keyPath;
  }
  checkViaCcm(files);
  const { local, notes } = withFixedChain(certificateBodyFrom(files, 'update', io.stderr), values);
  // Named domains are filtered by coverage now; --covered reads the project's once the client exists.
  const picks: Targets | CertificateChain =
    source === 'project'
      ? coveringChain(local)
      : { domains: source, skipped: new Map(coveredDomains(local, source).skipped.map((s) => [s.domain, s.reason])) };
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  const targets = 'skipped' in picks ? picks : await coveredTargetsOf(picks, cc.reader);
  return runOverDomains<UploadJson | SkippedJson>({
    domains: targets.domains,
    values,
    io,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: skipping(
      targets.skipped,
      uploadTask(values, local, cc, notes, io.interrupt, uploadRun(values, io, local, cc)),
    ),
    single: uploadText,
  });
}
