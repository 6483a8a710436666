// live-https-cert update: read the files, then per domain: pre-flight, read-compare-write, verify.
import { type LocalCertificate, readLocalCertificate } from '../../check/local-certificate.js';
import type { DomainHttpsCertInfo } from '../../types.js';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { certificateBodyFrom } from '../certificate-flags.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { uploadTask, uploadText } from './upload.js';

/**
 * The command's certificate, read once for all its domains; with --fix-chain the international
 * chain put right (leaf first, certificates that issue nothing in it dropped) and a note of each change.
 */
export function withFixedChain(
  body: DomainHttpsCertInfo,
  values: ParsedValues,
): { local: LocalCertificate; notes: string[] } {
  const local = readLocalCertificate(body, { fixChain: values['fix-chain'] === true });
  const fixed = local.fixedChain;
  if (!fixed) return { local, notes: [] };
  return {
    local,
    notes: [
      ...(fixed.reordered ? ['the chain was reordered leaf first (--fix-chain)'] : []),
      ...fixed.removed.map((removed) => `removed from the chain (--fix-chain): ${removed}`),
    ],
  };
}

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
