// How the certificates of a bundle link: who issued whom, whether they are leaf first, and the
// leaf-first order when they form one chain. (Apart from chain.ts, whose declarations need no Node types.)
import type { X509Certificate } from 'node:crypto';

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
