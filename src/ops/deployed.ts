// The deployed configuration of a domain, as ShowDomainHttpsCert returns it, read into what the
// operations compare: the international chain, the SM chains, the CCM reference, force_redirect.
import { serverText } from '../internal/server-text.js';

/**
 * A name or id the server gave (cert_id, cert_name), made safe to return to a script that may
 * print it: the library's results hold no escape sequence, like the certificate names beside them.
 * Comparisons use the raw value; only what is reported is cleaned.
 */
export const deployedText = (text: string): string => serverText(text, [], 256);

/**
 * What the operations read of a configuration, either one being sent (the update's body) or one
 * the query returned: every field optional and loosely typed, so both shapes (and their
 * discriminated variants) fit without casts.
 */
export interface CertificateConfig {
  certificate?: string | undefined;
  force_redirect?: boolean | undefined;
  tls_certificate?:
    | {
        source?: string | undefined;
        cert_id?: string | undefined;
        cert_name?: string | undefined;
        certificate?: string | undefined;
      }
    | undefined;
  gm_certificate?:
    | {
        source?: string | undefined;
        cert_id?: string | undefined;
        cert_name?: string | undefined;
        sign_certificate?: string | undefined;
        enc_certificate?: string | undefined;
      }
    | undefined;
}

export interface CertificateSource {
  /** `user` (uploaded PEM), `scm` (a certificate kept in CCM), or `none` configured. */
  source: 'user' | 'scm' | 'none';
  certId?: string;
  certName?: string;
}

/** The international certificate PEM of a configuration (tls_certificate wins, as in the API). */
export function tlsCertificateOf(info: CertificateConfig): string | undefined {
  const pem = info.tls_certificate ? info.tls_certificate.certificate : info.certificate;
  return pem ? pem : undefined;
}

export function sourceOf(info: CertificateConfig): CertificateSource {
  const tls = info.tls_certificate;
  const scm =
    tls?.source === 'scm'
      ? tls
      : info.gm_certificate?.source === 'scm' && !tlsCertificateOf(info)
        ? info.gm_certificate
        : undefined;
  if (scm)
    return {
      source: 'scm',
      ...(scm.cert_id ? { certId: deployedText(scm.cert_id) } : {}),
      ...(scm.cert_name ? { certName: deployedText(scm.cert_name) } : {}),
    };
  if (tlsCertificateOf(info) || info.gm_certificate?.sign_certificate) return { source: 'user' };
  return { source: 'none' };
}
