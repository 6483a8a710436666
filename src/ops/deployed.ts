// The deployed configuration of a domain, as ShowDomainHttpsCert returns it, read into what the
// operations compare: the international chain, the SM chains, the CCM reference, force_redirect.
import type { DomainHttpsCertInfo } from '../types.js';

export interface CertificateSource {
  /** `user` (uploaded PEM), `scm` (a certificate kept in CCM), or `none` configured. */
  source: 'user' | 'scm' | 'none';
  certId?: string;
  certName?: string;
}

/** The international certificate PEM of a configuration (tls_certificate wins, as in the API). */
export function tlsCertificateOf(info: DomainHttpsCertInfo): string | undefined {
  const pem = info.tls_certificate ? info.tls_certificate.certificate : info.certificate;
  return pem ? pem : undefined;
}

export function sourceOf(info: DomainHttpsCertInfo): CertificateSource {
  const tls = info.tls_certificate;
  if (tls?.source === 'scm') {
    return { source: 'scm', ...(tls.cert_id ? { certId: tls.cert_id } : {}), ...(tls.cert_name ? { certName: tls.cert_name } : {}) };
  }
  if (tlsCertificateOf(info) || info.gm_certificate?.sign_certificate || info.gm_certificate?.cert_id) return { source: 'user' };
  return { source: 'none' };
}
