// The order and completeness of a certificate chain: which certificate is the leaf, whether each
// is followed by its issuer, and whether the leaf's issuer is in the bundle at all.
import { X509Certificate } from 'node:crypto';
import { normalizePem, pemBlocks } from './pem.js';

/** True when `parent` issued `child`: names and key ids match and the signature verifies. */
export function issued(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

export function isSelfSigned(cert: X509Certificate): boolean {
  return issued(cert, cert);
}

/** True when every certificate is followed by its issuer. */
export function inLeafFirstOrder(certs: readonly X509Certificate[]): boolean {
  return certs.every((cert, i) => i + 1 >= certs.length || issued(cert, certs[i + 1]!));
}

/**
 * The certificates in leaf-first order when they form one linked chain (each issued by the next),
 * else undefined. The leaf is the one certificate that issued none of the others.
 */
export function linkedOrder<T extends X509Certificate>(certs: readonly T[]): T[] | undefined {
  const leaves = certs.filter((c) => !certs.some((other) => other !== c && issued(other, c)));
  if (leaves.length !== 1) return undefined;
  const ordered = [leaves[0]!];
  const rest = certs.filter((c) => c !== leaves[0]);
  while (rest.length) {
    const index = rest.findIndex((c) => issued(ordered[ordered.length - 1]!, c));
    if (index === -1) return undefined;
    ordered.push(rest.splice(index, 1)[0]!);
  }
  return ordered;
}

export interface FixedChain {
  pem: string;
  /** False when the chain was already in order, or cannot be ordered (then `pem` is the input). */
  changed: boolean;
}

/** Reorders a PEM bundle leaf first, each certificate followed by its issuer (`--fix-chain`). */
export function fixChainOrder(pem: string): FixedChain {
  const blocks = pemBlocks(normalizePem(pem).text);
  if (blocks.length < 2 || blocks.some((b) => b.label !== 'CERTIFICATE')) return { pem, changed: false };
  let parsed: { block: (typeof blocks)[number]; cert: X509Certificate }[];
  try {
    parsed = blocks.map((block) => ({ block, cert: new X509Certificate(block.text) }));
  } catch {
    return { pem, changed: false };
  }
  const certs = parsed.map((p) => p.cert);
  if (inLeafFirstOrder(certs)) return { pem, changed: false };
  const ordered = linkedOrder(certs);
  if (!ordered) return { pem, changed: false };
  return { pem: `${ordered.map((cert) => parsed.find((p) => p.cert === cert)!.block.text).join('\n')}\n`, changed: true };
}
