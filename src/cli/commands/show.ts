// live-https-cert show: the configuration of each domain, with a summary of its certificate.
// Everything in it came from the server: the printers clean it (see output.ts).
import { summarizePem } from '../../ops/certificate-summary.js';
import { tlsCertificateOf } from '../../ops/deployed.js';
import type { DomainHttpsCertInfo } from '../../types.js';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { callOutcome } from './outcome.js';

function describeCertificate(info: DomainHttpsCertInfo): string {
  const pem = tlsCertificateOf(info);
  if (!pem) return 'none returned';
  const leaf = summarizePem(pem);
  return leaf ? `${leaf.subject}; ${leaf.names.join(', ') || 'no names'}; valid until ${leaf.notAfter}` : `${pem.length} characters (not parseable here)`;
}

/** The configuration without key fields: the API returns them empty, and a key is never printed. */
function withoutKeys(info: DomainHttpsCertInfo): DomainHttpsCertInfo {
  const { certificate_key: _k, ...rest } = info;
  const copy: DomainHttpsCertInfo = { ...rest };
  if (info.tls_certificate) {
    const { certificate_key: _t, ...tls } = info.tls_certificate;
    copy.tls_certificate = tls;
  }
  if (info.gm_certificate) {
    const { sign_certificate_key: _s, enc_certificate_key: _e, ...gm } = info.gm_certificate;
    copy.gm_certificate = gm;
  }
  return copy;
}

export async function show(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const cc = await commandClient(values, io.env, io.stderr);
  return runOverDomains({
    domains, values, io, secrets: cc.secrets,
    task: (domain) =>
      callOutcome(domain, cc.captured, () => cc.client.showDomainHttpsCert({ domain }), (data) => ({
        detail: `${data.certificate_format ?? 'PEM'}, force_redirect ${data.force_redirect ?? false}, ${describeCertificate(data)}`,
        json: { data: withoutKeys(data) },
      })),
    single: (o) => {
      const data = o.json['data'] as DomainHttpsCertInfo;
      const tls = data.tls_certificate;
      return (
        `${o.domain}\n  certificate_format: ${String(data.certificate_format ?? '')}\n  force_redirect:     ${String(data.force_redirect ?? false)}\n` +
        `  certificate:        ${describeCertificate(data)}\n` +
        (tls ? `  tls_certificate:    source ${String(tls.source ?? 'user')}${tls.cert_id ? `, cert_id ${tls.cert_id}` : ''}${tls.cert_name ? `, cert_name ${tls.cert_name}` : ''}\n` : '') +
        (data.gm_certificate ? `  gm_certificate:     present${data.gm_certificate.cert_name ? ` (${data.gm_certificate.cert_name})` : ''}\n` : '')
      );
    },
  });
}
