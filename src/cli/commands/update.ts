// live-https-cert update: read the files, then per domain: pre-flight, read-compare-write, verify.
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { certificateBodyFrom, withFixedChain } from '../certificate-flags.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { uploadTask, uploadText } from './upload.js';

export async function update(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const { local, notes } = withFixedChain(certificateBodyFrom(values, 'update', io.stderr), values);
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  return runOverDomains({
    domains,
    values,
    io,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: uploadTask(values, local, cc, notes, io.interrupt),
    single: uploadText,
  });
}
