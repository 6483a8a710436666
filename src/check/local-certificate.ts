// The certificate a command uploads or checks, read once from its PEM texts: every domain's
// pre-flight, read-compare-write, verification and coverage use the same parsed chain and key.
// (The X.509 work is in parsed-local.ts: this file's declarations need no Node types.)
import type { DomainHttpsCertInfo } from '../types.js';
import type { CertificateChain } from './certificate-chain.js';
import type { FixedChain } from './chain.js';
import { ParsedLocalCertificate } from './parsed-local.js';

export interface LocalCertificate {
  /** The body to upload: as given, or with the international chain put right (`fixChain`). */
  readonly body: DomainHttpsCertInfo;
  /** The international chain (`certificate`, or `tls_certificate.certificate`); undefined without one. */
  readonly chain: CertificateChain | undefined;
  /** What `fixChain` changed in the chain; undefined when nothing was changed. */
  readonly fixedChain: FixedChain | undefined;
}

export interface LocalCertificateOptions {
  /** Put the international chain right (`--fix-chain`): leaf first, certificates that issue nothing in it dropped. */
  fixChain?: boolean;
}

/**
 * Parses the certificates and keys of an update body once. Pass the result wherever a body is
 * taken (`preflight`, `readCompareWrite`, `coveredDomains`) to check or upload it for many domains.
 */
export function readLocalCertificate(
  body: DomainHttpsCertInfo,
  options: LocalCertificateOptions = {},
): LocalCertificate {
  return new ParsedLocalCertificate(body, options);
}
