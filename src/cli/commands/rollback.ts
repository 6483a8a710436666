// live-https-cert rollback: puts back, domain by domain, the setting saved before the last write by
// this tool, when it was a CCM binding (by cert_id); says why not otherwise, sending nothing.
import type { RollbackState } from '../../ops/rollback-state.js';
import { rollbackDomain } from '../../ops/rollback.js';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { EXIT } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { cliRollbackState } from '../state.js';
import { type DryRunRequest, type FailedJson, failedOutcome, type OkJson, okOutcome } from './outcome.js';
import { type RollbackJson, rollbackJson } from './upload.js';

/** A domain's result in rollback's JSON: what was restored (or would be), why not, or an error. */
type RollbackCommandJson =
  | OkJson<{ rollback: RollbackJson } | ({ rollback: RollbackJson } & DryRunRequest)>
  | FailedJson<{ rollback: RollbackJson }>
  | FailedJson;

export async function rollback(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const dryRun = values['dry-run'] === true;
  const saved = cliRollbackState(io.env);
  // A dry run leaves the state as it is: the entry it would restore stays the newest.
  const state: RollbackState = dryRun ? { ...saved, pop: async () => {} } : saved;
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  const task = async (domain: string): Promise<DomainOutcome<RollbackCommandJson>> => {
    try {
      const { result, request } = await cc.record(() => rollbackDomain({ client: cc.client, state, domain }));
      const json = rollbackJson(result);
      if (result.action !== 'restored')
        return {
          domain,
          status: 'failed',
          exitCode: EXIT.usage,
          detail: `not rolled back: ${result.reason} (nothing was sent)`,
          warnings: [],
          json: {
            domain,
            status: 'failed',
            rollback: json,
            error: { name: 'RollbackError', message: result.reason, exitCode: EXIT.usage },
          },
        };
      const restored = result.restored!;
      const what = `cert_id ${restored.certId}${restored.certName ? ` (${restored.certName})` : ''}, force_redirect ${restored.forceRedirect}, saved ${result.saved?.savedAt ?? 'n/a'}`;
      if (request) {
        const dryRun: DryRunRequest = { dryRun: true, request };
        return okOutcome(domain, `dry run: would restore ${what}`, { rollback: json, ...dryRun });
      }
      return okOutcome(domain, `restored ${what} (request id ${result.requestId ?? 'n/a'})`, { rollback: json });
    } catch (error) {
      return failedOutcome(domain, error, {});
    }
  };
  return runOverDomains<RollbackCommandJson>({
    domains,
    values,
    io,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task,
    single: (o) => `Rolled back ${o.domain}: ${o.detail}\n`,
  });
}
