// What an operator needs to know about a certificate chain (deployed or local): who it is for,
// who issued it, when it expires, its fingerprint. Never key material. Text from the certificate
// may come from a server: control characters and escape sequences are stripped.
import { X509Certificate } from 'node:crypto';
import { pemBlocks, normalizePem } from '../check/pem.js';
import { cut, stripControls } from '../internal/server-text.js';
import { dnsNames, namesCover } from './domain-names.js';

const DAY = 24 * 60 * 60 * 1000;

export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** DNS names the leaf covers. */
  names: string[];
  notBefore: string;
  notAfter: string;
  /** Whole days from `now` to notAfter; negative once expired. */
  daysLeft: number;
  /** SHA-256 fingerprint of the leaf, colon-separated upper-case hex (as openssl prints it). */
  fingerprint256: string;
  /** Fingerprints of every certificate, leaf first: two chains are the same when these are. */
  chainFingerprints: string[];
  /** Whether the names cover the domain asked about (when one was). */
  coversDomain?: boolean;
}

const clean = (text: string, max = 512) => cut(stripControls(text.replace(/\n/g, ', ')), max);

/** The certificates of a PEM bundle, in file order; undefined when there is none or one does not parse. */
export function parseChain(pem: string | undefined): X509Certificate[] | undefined {
  if (!pem) return undefined;
  const blocks = pemBlocks(normalizePem(pem).text).filter((b) => b.label === 'CERTIFICATE');
  if (blocks.length === 0) return undefined;
  try {
    return blocks.map((b) => new X509Certificate(b.text));
  } catch {
    return undefined;
  }
}

export function summarizeCertificate(leaf: X509Certificate, chain: readonly X509Certificate[] = [leaf], options: { domain?: string; now?: Date } = {}): CertificateSummary {
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

/** The summary of a PEM bundle's first certificate (the leaf), or undefined when it does not parse. */
export function summarizePem(pem: string | undefined, options: { domain?: string; now?: Date } = {}): CertificateSummary | undefined {
  const chain = parseChain(pem);
  return chain ? summarizeCertificate(chain[0]!, chain, options) : undefined;
}
