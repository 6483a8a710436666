// Reordering a certificate chain leaf first (--fix-chain).
import { X509Certificate } from 'node:crypto';
import { inLeafFirstOrder, linkedOrder } from './chain-links.js';
import { normalizePem, pemBlocks } from './pem.js';

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
  return {
    pem: `${ordered.map((cert) => parsed.find((p) => p.cert === cert)!.block.text).join('\n')}\n`,
    changed: true,
  };
}
