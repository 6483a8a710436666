// The checks of one certificate chain and its private key, in two steps: what does not depend on
// the domain or the clock (parsing, chain, key type, key match) is worked out once per command;
// validity and coverage are added for each domain. node:crypto does the X.509 work.
import { createPrivateKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { isSelfSigned, MAX_LINKED_CERTIFICATES } from './chain-links.js';
import type { CertificateSummary } from './certificate-summary.js';
import type { Finding, Subject } from './findings.js';
import { keyTypeFinding } from './key-type.js';
import { notCoveredMessage } from './domain-names.js';
import { normalizePem, pemBlocks } from './pem.js';
import { validityOf } from './validity.js';
import { certificateText, type ChainFix, ParsedChain } from './x509-chain.js';

export type FindingPart = Omit<Finding, 'subject'>;

export interface PairFacts {
  chain: ParsedChain;
  /** The leaf the other checks use (the real one, even in a chain out of order). */
  leaf: X509Certificate | undefined;
  /** certificate-parses, key-parses, chain-*, key-type, key-matches: the same for every domain. */
  findings: FindingPart[];
  /** What `fixChain` changed (then `chain` is the fixed chain). */
  fix?: ChainFix;
}

const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

const notChecked = (check: Finding['check'], why: string): FindingPart => ({
  check,
  status: 'not-checked',
  severity: 'warning',
  message: `not checked: ${why}`,
});

export interface PairOptions {
  /** SM certificates may use algorithms the runtime cannot handle: "not checked", not a failure. */
  lenient: boolean;
  /** Judge the key type as browsers do (the international certificate; SM ones use SM2). */
  keyType: boolean;
  /** Put the chain right first (--fix-chain): leaf first, extra certificates dropped. */
  fixChain?: boolean;
}

export function pairFacts(
  certificate: string | undefined,
  privateKey: string | undefined,
  options: PairOptions,
): PairFacts {
  const findings: FindingPart[] = [];
  const key = parseKey(privateKey, options.lenient);
  const parsed = ParsedChain.fromPem(certificate, key.key && ((cert) => belongsTo(cert, key.key!)));
  const fix = options.fixChain ? parsed.fixed() : undefined;
  const chain = fix?.chain ?? parsed;
  findings.push(parseFinding(chain, options.lenient), key.finding);
  const leaf = chain.leaf;
  if (leaf) {
    findings.push(...chainFindings(chain, options.lenient));
    if (options.keyType) findings.push(keyTypeFinding(leaf));
  }
  if (leaf && key.key) {
    try {
      findings.push(
        leaf.checkPrivateKey(key.key)
          ? {
              check: 'key-matches',
              status: 'passed',
              severity: 'info',
              message: 'the private key matches the certificate',
            }
          : {
              check: 'key-matches',
              status: 'failed',
              severity: 'error',
              message:
                'the private key does not belong to this certificate: check that both files come from the same issuance',
            },
      );
    } catch {
      findings.push(notChecked('key-matches', 'this runtime cannot compare this key type with the certificate'));
    }
  } else {
    findings.push(notChecked('key-matches', leaf ? 'the private key did not parse' : 'the certificate did not parse'));
  }
  return fix ? { chain, leaf, findings, fix } : { chain, leaf, findings };
}

/** The findings of a pair for one domain at one time: the shared ones, then validity and coverage. */
export function pairFindings(
  facts: PairFacts,
  subject: Subject,
  domain: string,
  now: Date,
  warnDays: number,
): { findings: Finding[]; summary?: CertificateSummary } {
  const parts = [...facts.findings];
  const { leaf, chain } = facts;
  if (leaf) {
    const from = new Date(leaf.validFrom);
    const to = new Date(leaf.validTo);
    const validity = validityOf(from, to, now, warnDays);
    parts.push(
      validity.state === 'not-yet-valid'
        ? {
            check: 'validity',
            status: 'failed',
            severity: 'error',
            message: `not valid yet: valid from ${from.toISOString()}`,
          }
        : validity.state === 'expired'
          ? {
              check: 'validity',
              status: 'failed',
              severity: 'error',
              message: `expired on ${to.toISOString()}: renew it before uploading`,
            }
          : validity.state === 'expiring'
            ? {
                check: 'validity',
                status: 'failed',
                severity: 'warning',
                message: `expires in ${validity.daysLeft} days (${to.toISOString()}); renew soon`,
              }
            : { check: 'validity', status: 'passed', severity: 'info', message: `valid until ${to.toISOString()}` },
    );
    parts.push(
      chain.covers(domain)
        ? { check: 'domain', status: 'passed', severity: 'info', message: `covers ${domain}` }
        : {
            check: 'domain',
            status: 'failed',
            severity: 'error',
            message: notCoveredMessage(domain, chain.names, certificateText(leaf.subject)),
          },
    );
  } else {
    parts.push(
      notChecked('validity', 'the certificate did not parse'),
      notChecked('domain', 'the certificate did not parse'),
    );
  }
  const findings = parts.map((f) => ({ subject, ...f }));
  const summary = chain.summary({ domain, now });
  return summary ? { findings, summary } : { findings };
}

function belongsTo(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false;
  }
}

function parseFinding(chain: ParsedChain, lenient: boolean): FindingPart {
  const problem = chain.problem;
  const failed = (message: string): FindingPart => ({
    check: 'certificate-parses',
    status: 'failed',
    severity: 'error',
    message,
  });
  if (!problem) {
    const n = chain.certificates.length;
    return {
      check: 'certificate-parses',
      status: 'passed',
      severity: 'info',
      message: `${n} PEM certificate${n > 1 ? 's' : ''} parsed`,
    };
  }
  if (problem.kind === 'empty') return failed('the certificate is empty');
  if (problem.kind === 'no-certificate')
    return failed(
      problem.privateKey
        ? 'the certificate text holds a private key, not a certificate: are the certificate and key swapped?'
        : 'no PEM certificate block (-----BEGIN CERTIFICATE-----) found',
    );
  return lenient
    ? {
        check: 'certificate-parses',
        status: 'not-checked',
        severity: 'warning',
        message: `not checked: certificate ${problem.index + 1} cannot be read by this runtime's crypto (an SM algorithm it lacks?)`,
      }
    : failed(
        `certificate ${problem.index + 1} of ${problem.count} is not valid X.509 (damaged base64, wrong content or an unreadable validity date)`,
      );
}

/**
 * Order, extra certificates and completeness of the chain. A chain merely out of order is one
 * finding, and so is each extra certificate: the key, validity and domain checks still run on
 * the real leaf instead of failing on another certificate.
 */
function chainFindings(chain: ParsedChain, lenient: boolean): FindingPart[] {
  const analysis = chain.analysis!;
  const leaf = chain.leaf!;
  const findings: FindingPart[] = [];
  const { path, extras } = analysis;
  if (!analysis.linked)
    return [
      {
        check: 'chain-order',
        status: 'failed',
        severity: 'error',
        message: `the file holds ${chain.certificates.length} certificates, too many to be one chain (at most ${MAX_LINKED_CERTIFICATES} are linked): give the leaf and its issuers only`,
      },
      notChecked('chain-complete', 'the certificates were not linked'),
    ];
  if (path.length > 1) {
    findings.push(
      analysis.inOrder
        ? {
            check: 'chain-order',
            status: 'passed',
            severity: 'info',
            message: `chain of ${path.length} certificates is in leaf-first order`,
          }
        : {
            check: 'chain-order',
            status: 'failed',
            severity: 'error',
            message: `${analysis.reversed ? 'chain reversed' : 'chain out of order'}: the leaf must come first, then each issuer in turn (--fix-chain reorders it)`,
          },
    );
  }
  for (const extra of extras)
    findings.push({
      check: 'chain-extra',
      status: 'failed',
      severity: 'error',
      message: `${chain.describeExtra(extra)}: remove it (--fix-chain drops it)`,
    });
  if (path.length > 1) {
    findings.push({
      check: 'chain-complete',
      status: 'passed',
      severity: 'info',
      message: "the leaf's issuer is in the chain",
    });
  } else if (isSelfSigned(leaf)) {
    findings.push({
      check: 'chain-complete',
      status: 'passed',
      severity: 'info',
      message: 'the certificate is self-signed (clients must trust it directly)',
    });
  } else if (lenient) {
    findings.push(
      notChecked(
        'chain-complete',
        "this runtime's crypto cannot link this certificate to an issuer (an SM algorithm it lacks?)",
      ),
    );
  } else {
    findings.push({
      check: 'chain-complete',
      status: 'failed',
      severity: 'error',
      message:
        `the leaf's issuer (${certificateText(leaf.issuer)}) is not in the file: many clients (Android, curl) then fail; ` +
        "upload the full chain, leaf first (certbot's fullchain.pem, not cert.pem)",
    });
  }
  return findings;
}

function parseKey(privateKey: string | undefined, lenient: boolean): { key?: KeyObject; finding: FindingPart } {
  const text = normalizePem(privateKey ?? '').text;
  const blocks = pemBlocks(text);
  const fail = (message: string) => ({
    finding: { check: 'key-parses' as const, status: 'failed' as const, severity: 'error' as const, message },
  });
  if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY') || /Proc-Type:\s*4,ENCRYPTED/.test(text)) {
    return fail(
      'the private key is encrypted; the API needs it unencrypted (e.g. openssl pkey -in key.pem -out key-plain.pem)',
    );
  }
  const keyBlocks = blocks.filter((b) => KEY_LABELS.has(b.label));
  if (keyBlocks.length === 0) {
    if (blocks.some((b) => b.label === 'CERTIFICATE'))
      return fail('the key text holds a certificate, not a private key: are the certificate and key swapped?');
    return fail(text ? 'no PEM private key block (PKCS#8, PKCS#1 RSA or SEC1 EC) found' : 'the private key is empty');
  }
  if (keyBlocks.length > 1) return fail(`${keyBlocks.length} private keys found; give exactly one`);
  const label = keyBlocks[0]!.label;
  try {
    const key = createPrivateKey({ key: keyBlocks[0]!.text, format: 'pem' });
    return {
      key,
      finding: {
        check: 'key-parses',
        status: 'passed',
        severity: 'info',
        message: `${label} parsed (${key.asymmetricKeyType ?? 'type unknown to this runtime'})`,
      },
    };
  } catch {
    if (lenient)
      return {
        finding: notChecked('key-parses', "this runtime's crypto cannot read the key (an SM algorithm it lacks?)"),
      };
    // The crypto error text is not repeated: it is about key material.
    return fail(`the ${label} block does not parse (damaged base64 or wrong content)`);
  }
}
