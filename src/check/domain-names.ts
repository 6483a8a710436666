// Domain names as operators write them (any case, the root's trailing dot, Unicode), and the one
// rule for which names a certificate covers: the DNS names of its subjectAltName only (browsers
// ignore the subject CN), a wildcard standing for exactly one whole left label (RFC 6125 6.4.3).
import { domainToASCII } from 'node:url';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/**
 * The form domains are compared, sent and shown in: A-labels (an IDN such as `bücher.example.com`
 * becomes `xn--bcher-kva.example.com`, as browsers convert it, UTS #46 non-transitional), lower
 * case, no trailing dot, no surrounding space. A Unicode name IDNA refuses is returned as typed
 * (see `idnaProblem`).
 */
export function normalizeDomain(domain: string): string {
  const lower = domain.trim().toLowerCase().replace(/\.$/, '');
  if (ASCII.test(lower)) return lower;
  const ascii = domainToASCII(lower);
  return ascii === '' ? lower : ascii.replace(/\.$/, '');
}

/** Why a normalised domain is no usable host name: a Unicode name that IDNA could not convert. */
export function idnaProblem(normalized: string): string | undefined {
  return ASCII.test(normalized)
    ? undefined
    : 'is not a valid internationalised domain name: IDNA cannot convert it to A-labels (xn--...)';
}

/** The domains without duplicates (compared normalised), in first-seen order, normalised. */
export function uniqueDomains(domains: Iterable<string>): string[] {
  return [...new Set([...domains].map(normalizeDomain))].filter((d) => d !== '');
}

/**
 * True when a certificate name (`play.example.com` or `*.example.com`) covers the domain. The
 * name is compared as the certificate holds it (ASCII, case-insensitive); the domain as A-labels.
 * A wildcard covers one whole left label: not the parent, not two labels, never `*.com`; a
 * partial wildcard (`f*.example.com`) covers nothing.
 */
export function nameCovers(name: string, domain: string): boolean {
  const pattern = name.trim().toLowerCase().replace(/\.$/, '');
  if (pattern === '' || !ASCII.test(pattern)) return false;
  const host = normalizeDomain(domain);
  if (!pattern.includes('*')) return pattern === host;
  if (!pattern.startsWith('*.') || pattern.includes('*', 1)) return false;
  const rest = pattern.slice(2);
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === rest && rest.includes('.');
}

export function namesCover(names: readonly string[], domain: string): boolean {
  return names.some((name) => nameCovers(name, domain));
}

/**
 * Why a certificate with these subjectAltName DNS names does not cover the domain, for a finding
 * or an attention line. `subject` is named when there is no name at all: its CN is what users
 * mistake for one.
 */
export function notCoveredMessage(domain: string, names: readonly string[], subject: string): string {
  const shown = normalizeDomain(domain) === domain ? domain : `${domain} (${normalizeDomain(domain)})`;
  return names.length
    ? `does not cover ${shown}; it names ${names.join(', ')}`
    : `does not cover ${shown}: the certificate has no DNS name in its subjectAltName, and browsers ignore the subject (${subject}); reissue it with the domain in its subjectAltName`;
}

/**
 * The DNS names of a certificate: the DNS entries of its subjectAltName, nothing else. The subject
 * is not read: browsers ignore its CN, so a certificate without a SAN covers no domain.
 * @param _subject ignored since the CN fallback was removed; kept so existing calls still compile.
 */
export function dnsNames(subjectAltName: string | undefined, _subject?: string): string[] {
  const names: string[] = [];
  // Node lists the entries as `TYPE:value, TYPE:value`, quoting a value that holds unusual
  // characters (commas included) as a JSON string: read entry by entry, so a "DNS:" inside a
  // quoted URI is no name; decode quoted names, so the caller's stripping sees real controls.
  const entry = /([A-Za-z][A-Za-z ]*):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/y;
  const text = subjectAltName ?? '';
  for (let m = entry.exec(text); m; m = entry.exec(text)) if (m[1] === 'DNS') names.push(unquote(m[2]!));
  return names;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return String(JSON.parse(value));
  } catch {
    return value;
  }
}
