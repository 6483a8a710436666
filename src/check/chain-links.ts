// How the certificates of a bundle link: who issued whom, which one is the leaf, the leaf's chain
// of issuers as the file holds it, and the certificates that are not part of that chain.
// (Apart from certificate-chain.ts, whose declarations need no Node types.)
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

/** A certificate of the bundle that is not on the leaf's chain of issuers. */
export interface ExtraCertificate {
  /** Its index in the file. */
  index: number;
  /**
   * `duplicate`: a copy of a certificate of the chain; `other-version`: the same subject and key
   * as one of the chain, issued by another CA (an intermediate cross-signed by an old and a new
   * root); `unrelated`: it issues nothing in the chain.
   */
  kind: 'duplicate' | 'other-version' | 'unrelated';
  /** The index of the chain certificate it copies or duplicates (`duplicate`, `other-version`). */
  of?: number;
}

/**
 * Linking is quadratic in signature checks: a bundle of more certificates than this (a real chain
 * has 2 to 4; the API takes 12,288 characters) is not linked, so a server's or a file's thousands
 * of look-alike certificates cannot stall a command. Its first certificate is then the leaf.
 */
export const MAX_LINKED_CERTIFICATES = 32;

export interface ChainAnalysis {
  /** False when there were too many certificates to link (then the path is the first alone). */
  linked: boolean;
  /** The leaf, then each issuer in turn, as indices into the file. */
  path: number[];
  /** Every other certificate, in file order. */
  extras: ExtraCertificate[];
  /** The chain's certificates come in the file in chain order (extras aside). */
  inOrder: boolean;
  /** They come in exactly the reverse order. */
  reversed: boolean;
}

/**
 * Finds the leaf and its chain of issuers in a bundle. The leaf is a certificate that issued
 * none of the others: the one `preferLeaf` accepts (the one the private key belongs to), else
 * the one with the longest chain of issuers in the file, else the first. Each issuer is taken
 * from the file; when two could have issued the same certificate (a cross-signed intermediate
 * in two versions), the one whose own issuer is in the file wins, else the first.
 */
export function analyzeChain(
  certs: readonly X509Certificate[],
  preferLeaf?: (cert: X509Certificate) => boolean,
): ChainAnalysis {
  if (certs.length > MAX_LINKED_CERTIFICATES)
    return { linked: false, path: [0], extras: [], inOrder: true, reversed: false };
  const fingerprints = certs.map((c) => c.fingerprint256);
  const copies = (i: number, j: number) => fingerprints[i] === fingerprints[j];
  // issuers[i]: the certificates that issued certificate i (itself and its copies excluded).
  const issuers = certs.map((child, i) =>
    certs.flatMap((parent, j) => (!copies(i, j) && issued(child, parent) ? [j] : [])),
  );
  const first = (i: number) => fingerprints.indexOf(fingerprints[i]!) === i;
  let candidates = certs.map((_, i) => i).filter((i) => first(i) && !issuers.some((list) => list.includes(i)));
  if (candidates.length === 0) candidates = [0];

  const pathFrom = (start: number): number[] => {
    const path = [start];
    for (;;) {
      const onPath = (j: number) => path.some((p) => copies(p, j));
      const options = issuers[path[path.length - 1]!]!.filter((j) => !onPath(j));
      if (options.length === 0) return path;
      path.push(options.find((j) => issuers[j]!.some((k) => !onPath(k) && !copies(k, j))) ?? options[0]!);
    }
  };
  const paths = candidates.map(pathFrom);
  const preferred = preferLeaf ? paths.filter((p) => preferLeaf(certs[p[0]!]!)) : [];
  const pool = preferred.length ? preferred : paths;
  const path = pool.reduce((best, p) => (p.length > best.length ? p : best));

  const extras: ExtraCertificate[] = [];
  for (const [index, cert] of certs.entries()) {
    if (path.includes(index)) continue;
    const copy = path.find((p) => copies(p, index));
    if (copy !== undefined) {
      extras.push({ index, kind: 'duplicate', of: copy });
      continue;
    }
    const version = path.find((p) => sameSubjectAndKey(certs[p]!, cert));
    extras.push(version === undefined ? { index, kind: 'unrelated' } : { index, kind: 'other-version', of: version });
  }
  const inOrder = path.every((p, i) => i === 0 || path[i - 1]! < p);
  const reversed = path.length > 1 && path.every((p, i) => i === 0 || path[i - 1]! > p);
  return { linked: true, path, extras, inOrder, reversed };
}

function sameSubjectAndKey(a: X509Certificate, b: X509Certificate): boolean {
  try {
    return a.subject === b.subject && a.publicKey.equals(b.publicKey);
  } catch {
    return false;
  }
}
