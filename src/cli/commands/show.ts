// live-https-cert show: the configuration of each domain, with a summary of its certificate.
import { X509Certificate } from 'node:crypto';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import type { CliIo } from '../io.js';
import { redactedRequest, requestText } from '../output.js';
import { runOverDomains } from '../run-domains.js';
import { failedOutcome, okOutcome } from './outcome.js';

function describeCertificate(pem: string | undefined): string {
  if (!pem) return 'none returned';
  try {
    const leaf = new X509Certificate(pem);
    return `${leaf.subject.replace(/\n/g, ', ')}; ${leaf.subjectAltName ?? 'no SAN'}; valid until ${new Date(leaf.validTo).toISOString()}`;
  } catch {
    return `${pem.length} characters (not parseable here)`;
  }
}

export async function show(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const { client, captured } = commandClient(values, io.env);
  return runOverDomains(domains, values, io, async (domain) => {
    try {
      const before = captured.length;
      const data = await client.showDomainHttpsCert({ domain });
      const request = captured[before];
      if (request) return okOutcome(domain, 'dry run: not sent', { dryRun: true, request: redactedRequest(request) });
      return okOutcome(domain, `${data.certificate_format ?? 'PEM'}, force_redirect ${data.force_redirect ?? false}, ${describeCertificate(data.certificate)}`, { data });
    } catch (error) {
      return failedOutcome(domain, error);
    }
  }, (outcome) => {
    if (values['json']) return io.stdout(`${JSON.stringify(outcome.json, null, 2)}\n`);
    if (outcome.status !== 'ok') return io.stderr(`error: ${outcome.domain}: ${outcome.detail}\n`);
    const request = outcome.json['request'] as Record<string, unknown> | undefined;
    if (request) return io.stdout(`Dry run: this request was signed and not sent (secrets redacted):\n\n${requestText(request)}`);
    const data = outcome.json['data'] as Record<string, unknown>;
    io.stdout(
      `${outcome.domain}\n  certificate_format: ${String(data['certificate_format'] ?? '')}\n  force_redirect:     ${String(data['force_redirect'] ?? false)}\n` +
        `  certificate:        ${describeCertificate(data['certificate'] as string | undefined)}\n` +
        (data['tls_certificate'] ? `  tls_certificate:    ${JSON.stringify(data['tls_certificate'])}\n` : '') +
        (data['gm_certificate'] ? `  gm_certificate:     present\n` : ''),
    );
  });
}
