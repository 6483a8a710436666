// live-https-cert delete: removes the HTTPS configuration of each domain.
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import type { CliIo } from '../io.js';
import { redactedRequest, requestText } from '../output.js';
import { runOverDomains } from '../run-domains.js';
import { failedOutcome, okOutcome } from './outcome.js';

export async function remove(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const { client, captured } = commandClient(values, io.env);
  return runOverDomains(domains, values, io, async (domain) => {
    try {
      const before = captured.length;
      const { requestId } = await client.deleteDomainHttpsCert({ domain });
      const request = captured[before];
      if (request) return okOutcome(domain, 'dry run: not sent', { dryRun: true, request: redactedRequest(request) });
      return okOutcome(domain, `deleted (request id ${requestId ?? 'n/a'})`, { requestId });
    } catch (error) {
      return failedOutcome(domain, error);
    }
  }, (outcome) => {
    if (values['json']) return io.stdout(`${JSON.stringify(outcome.json, null, 2)}\n`);
    if (outcome.status !== 'ok') return io.stderr(`error: ${outcome.domain}: ${outcome.detail}\n`);
    const request = outcome.json['request'] as Record<string, unknown> | undefined;
    if (request) return io.stdout(`Dry run: this request was signed and not sent (secrets redacted):\n\n${requestText(request)}`);
    io.stdout(`Deleted the HTTPS certificate configuration of ${outcome.domain} (request id ${String(outcome.json['requestId'] ?? 'n/a')})\n`);
  });
}
