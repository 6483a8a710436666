// live-https-cert show: the configuration of each domain, with a summary of its certificate.
import { X509Certificate } from 'node:crypto';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { callOutcome, printSingle } from './outcome.js';

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
  const { client, captured } = await commandClient(values, io.env, io.stderr);
  return runOverDomains(
    domains,
    values,
    io,
    (domain) =>
      callOutcome(domain, captured, () => client.showDomainHttpsCert({ domain }), (data) => ({
        detail: `${data.certificate_format ?? 'PEM'}, force_redirect ${data.force_redirect ?? false}, ${describeCertificate(data.certificate)}`,
        json: { data },
      })),
    (outcome) =>
      printSingle(outcome, values, io, (o) => {
        const data = o.json['data'] as Record<string, unknown>;
        return (
          `${o.domain}\n  certificate_format: ${String(data['certificate_format'] ?? '')}\n  force_redirect:     ${String(data['force_redirect'] ?? false)}\n` +
          `  certificate:        ${describeCertificate(data['certificate'] as string | undefined)}\n` +
          (data['tls_certificate'] ? `  tls_certificate:    ${JSON.stringify(data['tls_certificate'])}\n` : '') +
          (data['gm_certificate'] ? '  gm_certificate:     present\n' : '')
        );
      }),
  );
}
