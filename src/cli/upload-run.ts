// What update and deploy-hook add around each domain's upload: the checks of --via-ccm and
// --domain-id, the rollback state the run saves to, and the CCM certificate its domains share.
import type { LocalCertificate } from '../check/local-certificate.js';
import type { ParsedValues } from './args.js';
import type { RollbackState } from '../ops/rollback-state.js';
import { type CcmPlan, ccmBinding } from './ccm.js';
import type { CommandClient } from './client-factory.js';
import { UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';
import { cliRollbackState } from './state.js';

/** What a run shares across its domains beside the certificate: the rollback state, the CCM binding. */
export interface UploadRun {
  /** Saves each domain's deployed setting before its write (none under --dry-run). */
  state?: RollbackState | undefined;
  /** --via-ccm: the CCM certificate every domain is bound to (imported once, on first use). */
  ccm?: (() => Promise<CcmPlan>) | undefined;
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
