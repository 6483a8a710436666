// live-https-cert update: read the files, then per domain: pre-flight, read-compare-write, verify.
import { type LocalCertificate, readLocalCertificate } from '../../check/local-certificate.js';
import type { DomainHttpsCertInfo } from '../../types.js';
import type { ParsedValues } from '../args.js';
import { ccmBinding } from '../ccm.js';
import { type CommandClient, commandClient } from '../client-factory.js';
import { UsageError } from '../exit-codes.js';
import { cliRollbackState } from '../state.js';
import { domainsFrom } from '../domains.js';
import { certificateBodyFrom } from '../certificate-flags.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { checkRollbackOnFailure, type UploadRun, uploadTask, uploadText } from './upload.js';

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

/** --via-ccm takes the PEM pair of --cert/--key and nothing else (CCM's import is the international certificate). */
export function checkViaCcm(values: ParsedValues): void {
  if (!values['via-ccm']) {
    if (values['domain-id'] !== undefined) throw new UsageError('--domain-id is for --via-ccm (the CCM calls)');
    return;
  }
  if (values['scm-cert-id'] !== undefined)
    throw new UsageError(
      'give --via-ccm (import --cert/--key) or --scm-cert-id (a certificate already in CCM), not both',
    );
  if (values['cert'] === undefined || values['key'] === undefined)
    throw new UsageError('--via-ccm needs --cert FILE --key FILE: the chain and key it imports into CCM once');
  if (['gm-sign-cert', 'gm-sign-key', 'gm-enc-cert', 'gm-enc-key'].some((f) => values[f] !== undefined))
    throw new UsageError(
      '--via-ccm deploys the international certificate only; give the SM (--gm-*) certificate without it',
    );
}

/** The rollback state and, with --via-ccm, the CCM binding a run's domains share. */
export function uploadRun(values: ParsedValues, io: CliIo, local: LocalCertificate, cc: CommandClient): UploadRun {
  return {
    // A dry run writes nothing, so it saves nothing (and needs no state directory).
    state: values['dry-run'] ? undefined : cliRollbackState(io.env),
    ccm: values['via-ccm'] ? ccmBinding(local, cc, values['dry-run'] === true) : undefined,
  };
}

export async function update(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  checkViaCcm(values);
  checkRollbackOnFailure(values);
  const { local, notes } = withFixedChain(certificateBodyFrom(values, 'update', io.stderr), values);
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  const run = uploadRun(values, io, local, cc);
  return runOverDomains({
    domains,
    values,
    io,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: uploadTask(values, local, cc, notes, io.interrupt, run),
    single: uploadText,
  });
}
