// The spec's constraints and the page's rules, checked before anything is sent. The numbers
// mirror spec/live-https-cert.yaml; a test compares them with the spec so they cannot drift.
import { ValidationError, type ValidationProblem } from './errors.js';

export const LIMITS = {
  domain: { min: 1, max: 255 },
  certName: 128,
  certId: 128,
  source: 128,
  certificate: 12288,
  certificateKey: 8096,
} as const;

export const CERTIFICATE_FORMATS = ['PEM'] as const;
export const CERTIFICATE_SOURCES = ['scm', 'user'] as const;

type Problems = ValidationProblem[];

/** Length as JSON Schema counts it: code points, not UTF-16 units (never more than .length). */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function present(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function checkString(problems: Problems, object: Record<string, unknown>, key: string, path: string, max?: number): void {
  const value = object[key];
  if (value === undefined) return;
  if (typeof value !== 'string') {
    problems.push({ field: `${path}${key}`, message: `must be a string, got ${typeof value}`, rule: 'type' });
  } else if (max !== undefined && value.length > max && characters(value) > max) {
    problems.push({ field: `${path}${key}`, message: `is ${characters(value)} characters; the API accepts at most ${max}`, rule: 'length' });
  }
}

function checkSource(problems: Problems, object: Record<string, unknown>, path: string): 'scm' | 'user' | undefined {
  const source = object['source'];
  if (source === undefined) return 'user';
  if (typeof source !== 'string' || !(CERTIFICATE_SOURCES as readonly string[]).includes(source)) {
    problems.push({ field: `${path}source`, message: `must be "scm" or "user", got ${JSON.stringify(source)}`, rule: 'enum' });
    return undefined;
  }
  return source as 'scm' | 'user';
}

interface CertificateObjectRules {
  name: 'tls_certificate' | 'gm_certificate';
  /** Each text field and its maximum length. */
  lengths: Record<string, number>;
  /** What source "user" (the default) requires. */
  userNeeds: string[];
  userHint: string;
}

const TLS_RULES: CertificateObjectRules = {
  name: 'tls_certificate',
  lengths: { cert_name: LIMITS.certName, cert_id: LIMITS.certId, certificate: LIMITS.certificate, certificate_key: LIMITS.certificateKey },
  userNeeds: ['certificate', 'certificate_key'],
  userHint: 'give the PEM text, or use source "scm" with a cert_id',
};

const GM_RULES: CertificateObjectRules = {
  name: 'gm_certificate',
  lengths: {
    cert_name: LIMITS.certName,
    cert_id: LIMITS.certId,
    sign_certificate: LIMITS.certificate,
    sign_certificate_key: LIMITS.certificateKey,
    enc_certificate: LIMITS.certificate,
    enc_certificate_key: LIMITS.certificateKey,
  },
  // An SM (TLCP) deployment always has a signature pair and an encryption pair.
  userNeeds: ['sign_certificate', 'sign_certificate_key', 'enc_certificate', 'enc_certificate_key'],
  userHint: 'or use source "scm" with a cert_id',
};

function checkCertificateObject(problems: Problems, value: unknown, rules: CertificateObjectRules): void {
  const path = `${rules.name}.`;
  if (!isRecord(value)) {
    problems.push({ field: rules.name, message: 'must be an object', rule: 'type' });
    return;
  }
  const source = checkSource(problems, value, path);
  for (const [key, max] of Object.entries(rules.lengths)) checkString(problems, value, key, path, max);
  if (source === 'scm' && !present(value['cert_id'])) {
    problems.push({ field: `${path}cert_id`, message: 'is required when source is "scm" (the certificate ID in Cloud Certificate Manager)', rule: 'required' });
  }
  if (source === 'user') {
    for (const key of rules.userNeeds) {
      if (!present(value[key])) problems.push({ field: `${path}${key}`, message: `is required when source is "user" (the default): ${rules.userHint}`, rule: 'required' });
    }
  }
}

/** Problems with a domain name, empty when it is acceptable. */
export function domainProblems(domain: unknown): Problems {
  if (typeof domain !== 'string') return [{ field: 'domain', message: `must be a string, got ${typeof domain}`, rule: 'type' }];
  if (domain.length < LIMITS.domain.min) return [{ field: 'domain', message: 'is empty; give the streaming domain name, e.g. play.example.com', rule: 'length' }];
  if (domain.length > LIMITS.domain.max && characters(domain) > LIMITS.domain.max) {
    return [{ field: 'domain', message: `is ${characters(domain)} characters; the API accepts at most ${LIMITS.domain.max}`, rule: 'length' }];
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f/?#]/.test(domain)) {
    return [{ field: 'domain', message: `"${domain.slice(0, 60)}" is not a domain name (no spaces, control characters, "/", "?" or "#")`, rule: 'type' }];
  }
  return [];
}

/** Problems with an update body, empty when it is acceptable. */
export function updateBodyProblems(body: unknown): Problems {
  const problems: Problems = [];
  if (!isRecord(body)) return [{ field: 'body', message: 'must be an object (DomainHttpsCertInfo)', rule: 'type' }];
  const format = body['certificate_format'];
  if (format !== undefined && !(CERTIFICATE_FORMATS as readonly unknown[]).includes(format)) {
    problems.push({ field: 'certificate_format', message: `must be "PEM", got ${JSON.stringify(format)}`, rule: 'enum' });
  }
  if (body['force_redirect'] !== undefined && typeof body['force_redirect'] !== 'boolean') {
    problems.push({ field: 'force_redirect', message: `must be true or false, got ${JSON.stringify(body['force_redirect'])}`, rule: 'type' });
  }
  checkString(problems, body, 'certificate', '');
  checkString(problems, body, 'certificate_key', '');
  const hasTls = body['tls_certificate'] !== undefined;
  const hasGm = body['gm_certificate'] !== undefined;
  if (hasTls) checkCertificateObject(problems, body['tls_certificate'], TLS_RULES);
  if (hasGm) checkCertificateObject(problems, body['gm_certificate'], GM_RULES);
  const topCert = present(body['certificate']);
  const topKey = present(body['certificate_key']);
  if (!hasTls && topCert !== topKey) {
    problems.push({
      field: topCert ? 'certificate_key' : 'certificate',
      message: topCert ? 'is required with certificate (the PEM private key)' : 'is required with certificate_key (the PEM certificate)',
      rule: 'required',
    });
  }
  if (!hasTls && !hasGm && !topCert && !topKey) {
    problems.push({
      field: 'certificate',
      message: 'no certificate given: set certificate and certificate_key, tls_certificate, or gm_certificate',
      rule: 'required',
    });
  }
  return problems;
}

export function assertValidDomain(domain: unknown): asserts domain is string {
  const problems = domainProblems(domain);
  if (problems.length) throw new ValidationError(problems);
}

export function assertValidUpdate(domain: unknown, body: unknown): void {
  const problems = [...domainProblems(domain), ...updateBodyProblems(body)];
  if (problems.length) throw new ValidationError(problems);
}
