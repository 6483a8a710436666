// live-https-cert update: read the files, then per domain: pre-flight, read-compare-write, verify.
import type { Flags } from '../args.js';
import { commandClient } from '../client-factory.js';
import { certificateBodyFrom, withFixedChain } from '../certificate-flags.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { coveredTargetsOf, coveringChain, named, namedOrProject, skipping } from '../targets.js';
import { checkViaCcm, uploadRun } from '../upload-run.js';
import type { SkippedJson } from '../fleet.js';
import { checkRollbackOnFailure, type UploadJson, uploadTask, uploadText } from './upload.js';

export async function update(values: Flags<'update'>, io: CliIo): Promise<number> {
  const source = namedOrProject(values, 'covered');
  checkViaCcm(values);
  checkRollbackOnFailure(values);
  const { local, notes } = withFixedChain(certificateBodyFrom(values, 'update', io.stderr), values);
  // The named domains, or the chain whose names pick them from the project (checked before sending).
  const picks = source === 'project' ? coveringChain(local) : source;
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  const targets = Array.isArray(picks) ? named(picks) : await coveredTargetsOf(picks, cc.reader);
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
