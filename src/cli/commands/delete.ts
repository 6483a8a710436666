// live-https-cert delete: removes the HTTPS configuration of each domain, its previous setting
// saved for `rollback` first. More than one domain is
// a fleet-wide outage if mistaken: it asks on a terminal and needs --yes otherwise.
import type { Flags } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { cliRollbackState } from '../state.js';
import type { DomainOutcome, SkippedJson } from '../fleet.js';
import { type CallJson, callOutcome } from './outcome.js';

/** A domain's result in delete's JSON: the request id of the delete (a dry run, an error). */
type DeleteJson = CallJson<{ requestId: string | undefined }>;

function deletedText(o: DomainOutcome<DeleteJson | SkippedJson>): string {
  const requestId = 'requestId' in o.json ? o.json.requestId : undefined;
  return `Deleted the HTTPS certificate configuration of ${o.domain} (request id ${String(requestId ?? 'n/a')})\n`;
}

async function confirmed(domains: string[], values: Flags<'delete'>, io: CliIo): Promise<boolean> {
  if (domains.length < 2 || values['yes'] || values['dry-run']) return true;
  if (!io.stdinIsTTY || !io.confirm) {
    throw new UsageError(
      `deleting the HTTPS configuration of ${domains.length} domains needs --yes when not run on a terminal; nothing was sent`,
    );
  }
  return io.confirm(
    `Delete the HTTPS certificate configuration of ${domains.length} domains (${domains.slice(0, 3).join(', ')}${domains.length > 3 ? ', ...' : ''})? [y/N] `,
  );
}

export async function remove(values: Flags<'delete'>, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  if (!(await confirmed(domains, values, io))) {
    io.stderr('not confirmed; nothing was sent\n');
    return EXIT.usage;
  }
  // A delete is a write: what it removes is saved first (a GET, as update's read-compare-write
  // does), so `rollback` can put a CCM binding back. A dry run sends nothing, so it reads and saves
  // nothing either.
  const state = values['dry-run'] ? undefined : cliRollbackState(io.env);
  return runOverDomains<DeleteJson>({
    domains,
    values,
    io,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: (domain) =>
      callOutcome(
        domain,
        cc,
        async () => {
          if (state) await state.save(domain, await cc.client.showDomainHttpsCert({ domain }), 'delete');
          return cc.client.deleteDomainHttpsCert({ domain });
        },
        ({ requestId }) => ({
          detail: `deleted (request id ${requestId ?? 'n/a'})`,
          json: { requestId },
        }),
      ),
    single: deletedText,
  });
}
