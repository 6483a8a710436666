// status: what a domain serves from its configuration, for monitoring. A domain needs attention
// when its certificate expires within the warning window, has expired or is not valid yet, does
// not cover the domain (its subjectAltName decides), cannot be read, or when none is configured.
import { readCertificateChain } from '../check/certificate-chain.js';
import type { CertificateSummary } from '../check/certificate-summary.js';
import { notCoveredMessage } from '../check/domain-names.js';
import { DEFAULT_WARN_DAYS, validityOf } from '../check/validity.js';
import type { LiveClient } from '../client.js';
import { type CertificateConfig, type CertificateSource, sourceOf, tlsCertificateOf } from './deployed.js';

export interface StatusOptions {
  client: LiveClient;
  domain: string;
  /** Attention when the certificate expires within this many days. Default `DEFAULT_WARN_DAYS` (30). */
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

export { DEFAULT_WARN_DAYS };

export function statusOf(
  domain: string,
  info: CertificateConfig,
  options: { warnDays?: number; now?: Date } = {},
): DomainStatus {
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  const now = options.now ?? new Date();
  const pem = tlsCertificateOf(info);
  const chain = readCertificateChain(pem);
  const certificate = chain.summary({ domain, now }) ?? null;
  const source = sourceOf(info);
  const attention: string[] = [];
  if (source.source === 'none') attention.push('no certificate configured');
  else if (pem && !certificate) attention.push('the deployed certificate cannot be read');
  if (certificate) {
    const validity = validityOf(new Date(certificate.notBefore), new Date(certificate.notAfter), now, warnDays);
    if (validity.state === 'not-yet-valid') attention.push(`not valid yet: valid from ${certificate.notBefore}`);
    else if (validity.state === 'expired') attention.push(`expired on ${certificate.notAfter}`);
    else if (validity.state === 'expiring')
      attention.push(
        `expires in ${certificate.daysLeft} days (${certificate.notAfter}), within --warn-days ${warnDays}`,
      );
    if (!certificate.coversDomain) attention.push(notCoveredMessage(domain, certificate.names, certificate.subject));
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
