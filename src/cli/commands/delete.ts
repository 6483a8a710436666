// live-https-cert delete: removes the HTTPS configuration of each domain.
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { callOutcome, printSingle } from './outcome.js';

export async function remove(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const { client, captured } = await commandClient(values, io.env, io.stderr);
  return runOverDomains(
    domains,
    values,
    io,
    (domain) =>
      callOutcome(domain, captured, () => client.deleteDomainHttpsCert({ domain }), ({ requestId }) => ({
        detail: `deleted (request id ${requestId ?? 'n/a'})`,
        json: { requestId },
      })),
    (outcome) =>
      printSingle(outcome, values, io, (o) => `Deleted the HTTPS certificate configuration of ${o.domain} (request id ${String(o.json['requestId'] ?? 'n/a')})\n`),
  );
}
