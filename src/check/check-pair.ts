// The checks of one certificate and its private key: parsing, chain order, key match,
// validity window and domain coverage. node:crypto does the X.509 work, so no dependency.
import { createPrivateKey, type KeyObject, type X509Certificate } from 'node:crypto';
import type { CertificateSummary, Finding, Subject } from './findings.js';
import { inLeafFirstOrder, isSelfSigned, issued, linkedOrder } from './chain-links.js';
import { normalizePem, pemBlocks } from './pem.js';
import { readX509 } from './x509-read.js';

export interface PairInput {
  subject: Subject;
  domain: string;
  certificate: string | undefined;
  privateKey: string | undefined;
  now: Date;
  expiryWarningDays: number;
  /** SM certificates may use algorithms the runtime cannot handle: report "not checked", not a failure. */
  lenient: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

export function checkPair(input: PairInput): { findings: Finding[]; summary?: CertificateSummary } {
  const findings: Finding[] = [];
  const { subject } = input;
  const add = (f: Omit<Finding, 'subject'>) => findings.push({ subject, ...f });
  const notChecked = (check: Finding['check'], why: string) =>
    add({ check, status: 'not-checked', severity: 'warning', message: `not checked: ${why}` });

  const certs = parseCertificates(input, add);
  const key = parseKey(input, add);
  const leaf = certs && chainFindings(certs, input.lenient, add);
  if (leaf && key) {
    try {
      if (leaf.checkPrivateKey(key))
        add({
          check: 'key-matches',
          status: 'passed',
          severity: 'info',
          message: 'the private key matches the certificate',
        });
      else
        add({
          check: 'key-matches',
          status: 'failed',
          severity: 'error',
          message:
            'the private key does not belong to this certificate: check that both files come from the same issuance',
        });
    } catch {
      notChecked('key-matches', 'this runtime cannot compare this key type with the certificate');
    }
  } else {
    notChecked('key-matches', leaf ? 'the private key did not parse' : 'the certificate did not parse');
  }

  if (leaf) {
    const from = new Date(leaf.validFrom);
    const to = new Date(leaf.validTo);
    const now = input.now.getTime();
    if (now < from.getTime()) {
      add({
        check: 'validity',
        status: 'failed',
        severity: 'error',
        message: `not valid yet: valid from ${from.toISOString()}`,
      });
    } else if (now > to.getTime()) {
      add({
        check: 'validity',
        status: 'failed',
        severity: 'error',
        message: `expired on ${to.toISOString()}: renew it before uploading`,
      });
    } else if (to.getTime() - now < input.expiryWarningDays * DAY) {
      const days = Math.floor((to.getTime() - now) / DAY);
      add({
        check: 'validity',
        status: 'failed',
        severity: 'warning',
        message: `expires in ${days} days (${to.toISOString()}); renew soon`,
      });
    } else {
      add({ check: 'validity', status: 'passed', severity: 'info', message: `valid until ${to.toISOString()}` });
    }

    if (leaf.checkHost(input.domain) !== undefined) {
      add({ check: 'domain', status: 'passed', severity: 'info', message: `covers ${input.domain}` });
    } else {
      add({
        check: 'domain',
        status: 'failed',
        severity: 'error',
        message: `does not cover ${input.domain}; it names ${leaf.subjectAltName ?? leaf.subject.replace(/\n/g, ', ')}`,
      });
    }
  } else {
    notChecked('validity', 'the certificate did not parse');
    notChecked('domain', 'the certificate did not parse');
  }

  const summary: CertificateSummary | undefined = leaf && {
    subject: leaf.subject.replace(/\n/g, ', '),
    issuer: leaf.issuer.replace(/\n/g, ', '),
    subjectAltName: leaf.subjectAltName,
    validFrom: new Date(leaf.validFrom).toISOString(),
    validTo: new Date(leaf.validTo).toISOString(),
    fingerprint256: leaf.fingerprint256,
    chainLength: certs?.length ?? 0,
  };
  return summary ? { findings, summary } : { findings };
}

/**
 * Order and completeness of the chain, as one finding each; returns the leaf the other checks use.
 * A chain that is merely out of order is one finding: the key, validity and domain checks still
 * run on the real leaf instead of failing on an intermediate.
 */
function chainFindings(
  certs: X509Certificate[],
  lenient: boolean,
  add: (f: Omit<Finding, 'subject'>) => void,
): X509Certificate | undefined {
  let leaf = certs[0];
  let linked = true;
  if (certs.length > 1) {
    const ordered = inLeafFirstOrder(certs) ? certs : linkedOrder(certs);
    if (ordered === certs) {
      add({
        check: 'chain-order',
        status: 'passed',
        severity: 'info',
        message: `chain of ${certs.length} certificates is in leaf-first order`,
      });
    } else if (ordered) {
      leaf = ordered[0];
      const reversed = ordered.every((cert, i) => cert === certs[certs.length - 1 - i]);
      add({
        check: 'chain-order',
        status: 'failed',
        severity: 'error',
        message: `${reversed ? 'chain reversed: the leaf must come first' : 'chain out of order: the leaf must come first'}, then each issuer in turn (--fix-chain reorders it)`,
      });
    } else {
      linked = false;
      const broken = certs.findIndex((cert, i) => i + 1 < certs.length && !issued(cert, certs[i + 1]!));
      add({
        check: 'chain-order',
        status: 'failed',
        severity: 'error',
        message: `certificate ${broken + 2} of the chain did not issue certificate ${broken + 1}: put the leaf first, then each issuer in turn`,
      });
    }
  }
  if (!leaf) return undefined;
  if (!linked) {
    add({
      check: 'chain-complete',
      status: 'not-checked',
      severity: 'warning',
      message: 'not checked: the certificates of the chain do not link',
    });
  } else if (certs.some((c) => c !== leaf && issued(leaf!, c))) {
    add({ check: 'chain-complete', status: 'passed', severity: 'info', message: "the leaf's issuer is in the chain" });
  } else if (isSelfSigned(leaf)) {
    add({
      check: 'chain-complete',
      status: 'passed',
      severity: 'info',
      message: 'the certificate is self-signed (clients must trust it directly)',
    });
  } else if (lenient) {
    add({
      check: 'chain-complete',
      status: 'not-checked',
      severity: 'warning',
      message:
        "not checked: this runtime's crypto cannot link this certificate to an issuer (an SM algorithm it lacks?)",
    });
  } else {
    add({
      check: 'chain-complete',
      status: 'failed',
      severity: 'error',
      message:
        `the leaf's issuer (${leaf.issuer.replace(/\n/g, ', ')}) is not in the file: many clients (Android, curl) then fail; ` +
        "upload the full chain, leaf first (certbot's fullchain.pem, not cert.pem)",
    });
  }
  return leaf;
}

function parseCertificates(
  input: PairInput,
  add: (f: Omit<Finding, 'subject'>) => void,
): X509Certificate[] | undefined {
  const text = normalizePem(input.certificate ?? '').text;
  const blocks = pemBlocks(text);
  const certBlocks = blocks.filter((b) => b.label === 'CERTIFICATE');
  if (certBlocks.length === 0) {
    const swapped = blocks.some((b) => KEY_LABELS.has(b.label) || b.label.endsWith('PRIVATE KEY'));
    add({
      check: 'certificate-parses',
      status: 'failed',
      severity: 'error',
      message: swapped
        ? 'the certificate text holds a private key, not a certificate: are the certificate and key swapped?'
        : text
          ? 'no PEM certificate block (-----BEGIN CERTIFICATE-----) found'
          : 'the certificate is empty',
    });
    return undefined;
  }
  const certs: X509Certificate[] = [];
  for (const [i, block] of certBlocks.entries()) {
    try {
      certs.push(readX509(block.text));
    } catch {
      if (input.lenient) {
        add({
          check: 'certificate-parses',
          status: 'not-checked',
          severity: 'warning',
          message: `not checked: certificate ${i + 1} cannot be read by this runtime's crypto (an SM algorithm it lacks?)`,
        });
      } else {
        add({
          check: 'certificate-parses',
          status: 'failed',
          severity: 'error',
          message: `certificate ${i + 1} of ${certBlocks.length} is not valid X.509 (damaged base64, wrong content or an unreadable validity date)`,
        });
      }
      return undefined;
    }
  }
  add({
    check: 'certificate-parses',
    status: 'passed',
    severity: 'info',
    message: `${certs.length} PEM certificate${certs.length > 1 ? 's' : ''} parsed`,
  });
  return certs;
}

function parseKey(input: PairInput, add: (f: Omit<Finding, 'subject'>) => void): KeyObject | undefined {
  const text = normalizePem(input.privateKey ?? '').text;
  const blocks = pemBlocks(text);
  const fail = (message: string) => {
    add({ check: 'key-parses', status: 'failed', severity: 'error', message });
    return undefined;
  };
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
  try {
    const key = createPrivateKey({ key: keyBlocks[0]!.text, format: 'pem' });
    add({
      check: 'key-parses',
      status: 'passed',
      severity: 'info',
      message: `${keyBlocks[0]!.label} parsed (${key.asymmetricKeyType ?? 'type unknown to this runtime'})`,
    });
    return key;
  } catch {
    if (input.lenient) {
      add({
        check: 'key-parses',
        status: 'not-checked',
        severity: 'warning',
        message: "not checked: this runtime's crypto cannot read the key (an SM algorithm it lacks?)",
      });
      return undefined;
    }
    // The crypto error text is not repeated: it is about key material.
    return fail(`the ${keyBlocks[0]!.label} block does not parse (damaged base64 or wrong content)`);
  }
}
