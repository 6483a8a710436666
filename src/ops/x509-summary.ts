// The X.509 side of certificate summaries (node:crypto), apart from the types users import.
import type { X509Certificate } from 'node:crypto';
import { pemBlocks, normalizePem } from '../check/pem.js';
import { readX509 } from '../check/x509-read.js';
import { cut, stripControls } from '../internal/server-text.js';
import type { CertificateSummary } from './certificate-summary.js';
import { dnsNames, namesCover } from './domain-names.js';

const DAY = 24 * 60 * 60 * 1000;

const clean = (text: string, max = 512) => cut(stripControls(text.replace(/\n/g, ', ')), max);

/** The certificates of a PEM bundle, in file order; undefined when there is none or one does not parse. */
export function parseChain(pem: string | undefined): X509Certificate[] | undefined {
  if (!pem) return undefined;
  const blocks = pemBlocks(normalizePem(pem).text).filter((b) => b.label === 'CERTIFICATE');
  if (blocks.length === 0) return undefined;
  try {
    return blocks.map((b) => readX509(b.text));
  } catch {
    return undefined;
  }
}

export function summarizeCertificate(
  leaf: X509Certificate,
  chain: readonly X509Certificate[] = [leaf],
  options: { domain?: string; now?: Date } = {},
): CertificateSummary {
  const now = (options.now ?? new Date()).getTime();
  const notAfter = new Date(leaf.validTo);
  const names = dnsNames(leaf.subjectAltName, leaf.subject).map((n) => clean(n, 255));
  return {
    subject: clean(leaf.subject),
    issuer: clean(leaf.issuer),
    names,
    notBefore: new Date(leaf.validFrom).toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft: Math.floor((notAfter.getTime() - now) / DAY),
    fingerprint256: leaf.fingerprint256,
    chainFingerprints: chain.map((c) => c.fingerprint256),
    ...(options.domain === undefined ? {} : { coversDomain: namesCover(names, options.domain) }),
  };
}
