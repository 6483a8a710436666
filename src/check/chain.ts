// Putting a certificate chain right (--fix-chain): the leaf first, each issuer in turn, and the
// certificates that are not part of the leaf's chain (copies, a second cross-signed version of an
// intermediate, unrelated certificates) dropped.
import { ParsedChain } from './x509-chain.js';

export interface FixedChain {
  pem: string;
  /** False when the chain was already right, or cannot be put right (then `pem` is the input). */
  changed: boolean;
  /** The order changed: leaf first, then each issuer in turn. */
  reordered: boolean;
  /** The certificates dropped, each said as the pre-flight finding says it. */
  removed: string[];
}

/** Reorders a PEM bundle leaf first and drops the certificates that issue nothing in its chain. */
export function fixChainOrder(pem: string): FixedChain {
  const fix = ParsedChain.fromPem(pem).fixed();
  return fix
    ? { pem: fix.chain.pem, changed: true, reordered: fix.reordered, removed: fix.removed }
    : { pem, changed: false, reordered: false, removed: [] };
}
