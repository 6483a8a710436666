// The parsed side of a LocalCertificate (node:crypto): each certificate and key of the body read
// once, with the findings that do not depend on the domain or the clock worked out once.
import type { ValidationProblem } from '../errors.js';
import { characters } from '../internal/schema-problems.js';
import type { DomainHttpsCertInfo } from '../types.js';
import { updateBodyProblems } from './body-problems.js';
import type { FixedChain } from './chain.js';
import type { Finding, Subject } from './findings.js';
import { type PairFacts, pairFacts } from './pair-facts.js';
import { normalizePem } from './pem.js';
import type { ParsedChain } from './x509-chain.js';

/** A certificate and key of the body, checked as far as no domain and no clock is needed. */
export interface CheckedPair {
  subject: Subject;
  facts: PairFacts;
  /** Size and text-encoding findings, reported after the pair's own. */
  after: Finding[];
}

interface PairText {
  subject: Subject;
  certificate: string | undefined;
  privateKey: string | undefined;
  /** The body fields, for the size limits: `${prefix}certificate` or `gm_certificate.sign_certificate`... */
  certificateField: string;
  keyField: string;
  lenient: boolean;
  encoding: boolean;
}

/** The international pair: tls_certificate wins, as in the API; none when it is a CCM (scm) reference. */
function internationalOf(body: DomainHttpsCertInfo): PairText | undefined {
  const pair = (certificate: string | undefined, privateKey: string | undefined, at: string): PairText => ({
    subject: 'tls',
    certificate,
    privateKey,
    certificateField: `${at}certificate`,
    keyField: `${at}certificate_key`,
    lenient: false,
    encoding: true,
  });
  const tls = body.tls_certificate;
  if (tls) return tls.source === 'scm' ? undefined : pair(tls.certificate, tls.certificate_key, 'tls_certificate.');
  if (body.certificate !== undefined || body.certificate_key !== undefined)
    return pair(body.certificate, body.certificate_key, '');
  return undefined;
}

function smPairsOf(body: DomainHttpsCertInfo): PairText[] {
  const gm = body.gm_certificate;
  if (!gm || gm.source === 'scm') return [];
  return (
    [
      ['gm-sign', gm.sign_certificate, gm.sign_certificate_key, 'sign_certificate'],
      ['gm-enc', gm.enc_certificate, gm.enc_certificate_key, 'enc_certificate'],
    ] as const
  ).map(([subject, certificate, privateKey, name]) => ({
    subject,
    certificate,
    privateKey,
    certificateField: `gm_certificate.${name}`,
    keyField: `gm_certificate.${name}_key`,
    lenient: true,
    encoding: false,
  }));
}

function withChain(body: DomainHttpsCertInfo, pem: string): DomainHttpsCertInfo {
  return body.tls_certificate && body.tls_certificate.source !== 'scm'
    ? { ...body, tls_certificate: { ...body.tls_certificate, certificate: pem } }
    : { ...body, certificate: pem };
}

// The limits are the spec's: the generated validator reports a text over its limit as a length problem.
function sizeFinding(
  subject: Subject,
  what: string,
  text: string | undefined,
  field: string,
  problems: readonly ValidationProblem[],
): Finding | undefined {
  if (text === undefined) return undefined;
  const over = problems.find(
    (p) =>
      p.rule === 'length' && p.field === field && p.size !== undefined && p.limit !== undefined && p.size > p.limit,
  );
  return over
    ? { check: 'size', subject, status: 'failed', severity: 'error', message: `${what} ${over.message}` }
    : {
        check: 'size',
        subject,
        status: 'passed',
        severity: 'info',
        message: `${what} is ${characters(text)} characters, within the API's limit`,
      };
}

function encodingFinding(subject: Subject, what: string, text: string | undefined): Finding | undefined {
  const changes = text === undefined ? [] : normalizePem(text).changes;
  return changes.length
    ? {
        check: 'text-encoding',
        subject,
        status: 'failed',
        severity: 'warning',
        message: `${what} has ${changes.map((c) => c.replace(/^(removed|converted) /, '')).join(' and ')}; send plain LF PEM text`,
      }
    : undefined;
}

export class ParsedLocalCertificate {
  readonly body: DomainHttpsCertInfo;
  readonly fixedChain: FixedChain | undefined;
  #international: CheckedPair | undefined;
  #internationalRead = false;
  #smPairs: CheckedPair[] | undefined;
  #bodyProblems: ValidationProblem[] | undefined;

  constructor(body: DomainHttpsCertInfo, options: { fixChain?: boolean } = {}) {
    const text = internationalOf(body);
    const facts = text && options.fixChain ? this.#facts(text, true) : undefined;
    const fix = facts?.fix;
    this.body = fix ? withChain(body, fix.chain.pem) : body;
    this.fixedChain = fix && { pem: fix.chain.pem, changed: true, reordered: fix.reordered, removed: fix.removed };
    if (text && facts) {
      this.#international = this.#checked({ ...text, certificate: fix ? fix.chain.pem : text.certificate }, facts);
      this.#internationalRead = true;
    }
  }

  /** A body or a LocalCertificate (made here, or a plain object with its `body`) as one of these. */
  static from(input: DomainHttpsCertInfo | { readonly body: DomainHttpsCertInfo }): ParsedLocalCertificate {
    if (input instanceof ParsedLocalCertificate) return input;
    if ('body' in input && typeof input.body === 'object' && input.body !== null)
      return new ParsedLocalCertificate(input.body);
    return new ParsedLocalCertificate(input as DomainHttpsCertInfo);
  }

  /** The spec's rules for the body (without the domain), checked once. */
  get bodyProblems(): ValidationProblem[] {
    this.#bodyProblems ??= updateBodyProblems(this.body);
    return this.#bodyProblems;
  }

  get international(): CheckedPair | undefined {
    if (!this.#internationalRead) {
      const text = internationalOf(this.body);
      this.#international = text && this.#checked(text, this.#facts(text, false));
      this.#internationalRead = true;
    }
    return this.#international;
  }

  get chain(): ParsedChain | undefined {
    return this.international?.facts.chain;
  }

  get smPairs(): CheckedPair[] {
    this.#smPairs ??= smPairsOf(this.body).map((text) => this.#checked(text, this.#facts(text, false)));
    return this.#smPairs;
  }

  #facts(text: PairText, fixChain: boolean): PairFacts {
    return pairFacts(text.certificate, text.privateKey, { lenient: text.lenient, keyType: !text.lenient, fixChain });
  }

  #checked(text: PairText, facts: PairFacts): CheckedPair {
    const problems = this.bodyProblems;
    const after = [
      sizeFinding(text.subject, 'the certificate', text.certificate, text.certificateField, problems),
      sizeFinding(text.subject, 'the private key', text.privateKey, text.keyField, problems),
      ...(text.encoding
        ? [
            encodingFinding(text.subject, 'the certificate', text.certificate),
            encodingFinding(text.subject, 'the private key', text.privateKey),
          ]
        : []),
    ].filter((f): f is Finding => f !== undefined);
    return { subject: text.subject, facts, after };
  }
}
