// status: what a domain serves from its configuration, for monitoring. A domain needs attention
// when its certificate expires within the warning window, has expired, does not cover the
// domain, cannot be read, or when no certificate is configured at all.
import type { LiveClient } from '../client.js';
import { type CertificateSummary, summarizePem } from './certificate-summary.js';
import { type CertificateConfig, type CertificateSource, sourceOf, tlsCertificateOf } from './deployed.js';

export interface StatusOptions {
  client: LiveClient;
  domain: string;
  /** Attention when the certificate expires within this many days. Default 30. */
  warnDays?: number;
  signal?: AbortSignal;
  now?: Date;
}

export interface DomainStatus extends CertificateSource {
  domain: string;
  /** The leaf of the deployed international certificate; null when none, or unreadable. */
  certificate: CertificateSummary | null;
  forceRedirect: boolean;
  /** An SM (GM) certificate is configured too. */
  gmCertificate: boolean;
  /** Why the domain needs attention; empty when it does not. */
  attention: string[];
}

export const DEFAULT_WARN_DAYS = 30;

export function statusOf(
  domain: string,
  info: CertificateConfig,
  options: { warnDays?: number; now?: Date } = {},
): DomainStatus {
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  const pem = tlsCertificateOf(info);
  const certificate = summarizePem(pem, { domain, ...(options.now ? { now: options.now } : {}) }) ?? null;
  const source = sourceOf(info);
  const attention: string[] = [];
  if (source.source === 'none') attention.push('no certificate configured');
  else if (pem && !certificate) attention.push('the deployed certificate cannot be read');
  if (certificate) {
    if (certificate.daysLeft < 0) attention.push(`expired on ${certificate.notAfter}`);
    else if (certificate.daysLeft < warnDays)
      attention.push(
        `expires in ${certificate.daysLeft} days (${certificate.notAfter}), within --warn-days ${warnDays}`,
      );
    if (!certificate.coversDomain)
      attention.push(`does not cover ${domain}; it names ${certificate.names.join(', ') || certificate.subject}`);
  }
  return {
    domain,
    ...source,
    certificate,
    forceRedirect: info.force_redirect === true,
    gmCertificate: info.gm_certificate !== undefined && Object.keys(info.gm_certificate).length > 0,
    attention,
  };
}

/** Reads the deployed configuration of a domain (one GET) and judges it. */
export async function domainStatus(options: StatusOptions): Promise<DomainStatus> {
  const info = await options.client.showDomainHttpsCert(
    options.signal ? { domain: options.domain, signal: options.signal } : { domain: options.domain },
  );
  return statusOf(options.domain, info, options);
}
