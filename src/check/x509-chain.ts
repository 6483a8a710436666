// The one parser of PEM certificate bundles (node:crypto), and what is read from the result: the
// leaf, its chain of issuers and the extra certificates, names, fingerprints, the leaf's summary.
// Every command parses its local chain once with this and hands the result around.
import type { X509Certificate } from 'node:crypto';
import { cut, stripControls } from '../internal/server-text.js';
import { analyzeChain, type ChainAnalysis, type ExtraCertificate } from './chain-links.js';
import type { CertificateSummary, SummaryOptions } from './certificate-summary.js';
import { dnsNames, namesCover } from './domain-names.js';
import { normalizePem, pemBlocks, type PemBlock } from './pem.js';
import { validityOf } from './validity.js';
import { readX509 } from './x509-read.js';

/** Why a bundle cannot be read. */
export type ChainProblem =
  | { kind: 'empty' }
  /** Text without a CERTIFICATE block; `privateKey` when it holds a private key instead. */
  | { kind: 'no-certificate'; privateKey: boolean }
  /** Block `index` (of `count`) is not X.509 this runtime can read. */
  | { kind: 'unreadable'; index: number; count: number };

/** Certificate text (names, subjects) may come from a server: no controls, bounded. */
export const certificateText = (text: string, max = 512): string => cut(stripControls(text.replace(/\n/g, ', ')), max);

/** The chain with extras dropped and the leaf first, and what changed. */
export interface ChainFix {
  chain: ParsedChain;
  reordered: boolean;
  /** Each removed certificate, said as the findings say it. */
  removed: string[];
}

/** The parsed chain behind `CertificateChain` (which it satisfies), with what the checks need of it. */
export class ParsedChain {
  #analysis: ChainAnalysis | undefined;
  #names: string[] | undefined;

  private constructor(
    readonly pem: string,
    /** The CERTIFICATE blocks, in file order. */
    readonly blocks: readonly PemBlock[],
    /** Their certificates, in file order (empty when one does not parse). */
    readonly certificates: readonly X509Certificate[],
    readonly problem: ChainProblem | undefined,
    /** Picks the leaf among candidates (the certificate the private key belongs to). */
    private readonly preferLeaf: ((cert: X509Certificate) => boolean) | undefined,
    /** The text holds blocks other than certificates (a private key pasted in): never rewritten. */
    private readonly otherBlocks = false,
  ) {}

  static fromPem(pem: string | undefined, preferLeaf?: (cert: X509Certificate) => boolean): ParsedChain {
    const text = normalizePem(pem ?? '').text;
    const all = pemBlocks(text);
    const blocks = all.filter((b) => b.label === 'CERTIFICATE');
    const chain = (certs: X509Certificate[], problem?: ChainProblem) =>
      new ParsedChain(pem ?? '', blocks, certs, problem, preferLeaf, blocks.length !== all.length);
    if (blocks.length === 0)
      return chain(
        [],
        text
          ? { kind: 'no-certificate', privateKey: all.some((b) => b.label.endsWith('PRIVATE KEY')) }
          : { kind: 'empty' },
      );
    const certificates: X509Certificate[] = [];
    for (const [index, block] of blocks.entries()) {
      try {
        certificates.push(readX509(block.text));
      } catch {
        return chain([], { kind: 'unreadable', index, count: blocks.length });
      }
    }
    return chain(certificates);
  }

  /** Certificates already parsed (a TLS peer's). */
  static fromCertificates(certificates: readonly X509Certificate[]): ParsedChain {
    const blocks = certificates.map((c) => ({ label: 'CERTIFICATE', text: c.toString().trim() }));
    return new ParsedChain(
      blocks.map((b) => `${b.text}\n`).join(''),
      blocks,
      certificates,
      certificates.length ? undefined : { kind: 'empty' },
      undefined,
    );
  }

  get readable(): boolean {
    return this.problem === undefined;
  }

  /** The leaf, its chain of issuers and the extras (computed once); undefined when unreadable. */
  get analysis(): ChainAnalysis | undefined {
    if (!this.readable) return undefined;
    this.#analysis ??= analyzeChain(this.certificates, this.preferLeaf);
    return this.#analysis;
  }

  get leaf(): X509Certificate | undefined {
    const analysis = this.analysis;
    return analysis && this.certificates[analysis.path[0]!];
  }

  get fingerprints(): string[] {
    return this.certificates.map((c) => c.fingerprint256);
  }

  get names(): string[] {
    const leaf = this.leaf;
    this.#names ??= leaf ? dnsNames(leaf.subjectAltName).map((n) => certificateText(n, 255)) : [];
    return this.#names;
  }

  covers(domain: string): boolean {
    return namesCover(this.names, domain);
  }

  summary(options: SummaryOptions = {}): CertificateSummary | undefined {
    const leaf = this.leaf;
    if (!leaf) return undefined;
    const notBefore = new Date(leaf.validFrom);
    const notAfter = new Date(leaf.validTo);
    return {
      subject: certificateText(leaf.subject),
      issuer: certificateText(leaf.issuer),
      names: [...this.names],
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      daysLeft: validityOf(notBefore, notAfter, options.now).daysLeft,
      fingerprint256: leaf.fingerprint256,
      chainFingerprints: this.fingerprints,
      ...(options.domain === undefined ? {} : { coversDomain: this.covers(options.domain) }),
    };
  }

  /** What an extra certificate is, numbered from 1 as in the file. */
  describeExtra(extra: ExtraCertificate): string {
    const cert = this.certificates[extra.index]!;
    const n = extra.index + 1;
    const subject = certificateText(cert.subject, 200);
    if (extra.kind === 'duplicate') return `certificate ${n} (${subject}) is a copy of certificate ${extra.of! + 1}`;
    if (extra.kind === 'other-version')
      return (
        `certificate ${n} (${subject}, issued by ${certificateText(cert.issuer, 200)}) is a second version of ` +
        `certificate ${extra.of! + 1} (issued by ${certificateText(this.certificates[extra.of!]!.issuer, 200)}): ` +
        'the same CA cross-signed by another root, and the chain needs one'
      );
    return `certificate ${n} (${subject}) is not part of the leaf's chain: it issues none of its certificates`;
  }

  /**
   * Leaf first, each issuer in turn, extras dropped; undefined when already so, unreadable, or
   * when the text holds other blocks (left for the checks to report).
   */
  fixed(): ChainFix | undefined {
    const analysis = this.analysis;
    if (!analysis?.linked || this.otherBlocks || (analysis.inOrder && analysis.extras.length === 0)) return undefined;
    const blocks = analysis.path.map((i) => this.blocks[i]!);
    const chain = new ParsedChain(
      `${blocks.map((b) => b.text).join('\n')}\n`,
      blocks,
      analysis.path.map((i) => this.certificates[i]!),
      undefined,
      this.preferLeaf,
    );
    chain.#analysis = { linked: true, path: blocks.map((_, i) => i), extras: [], inOrder: true, reversed: false };
    return {
      chain,
      reordered: !analysis.inOrder,
      removed: analysis.extras.map((e) => this.describeExtra(e)),
    };
  }
}
