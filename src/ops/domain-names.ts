// Domain names as operators write them (any case, sometimes with the root's trailing dot), and
// which names a certificate covers: RFC 6125 6.4.3, a wildcard stands for exactly one left label.

/** The form domains are compared in: lower case, no trailing dot, no surrounding space. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/** The domains without duplicates (compared normalised), in first-seen order, normalised. */
export function uniqueDomains(domains: Iterable<string>): string[] {
  return [...new Set([...domains].map(normalizeDomain))].filter((d) => d !== '');
}

/** True when a certificate name (`play.example.com` or `*.example.com`) covers the domain. */
export function nameCovers(name: string, domain: string): boolean {
  const pattern = normalizeDomain(name);
  const host = normalizeDomain(domain);
  if (!pattern.startsWith('*.')) return pattern === host;
  const rest = pattern.slice(2);
  const dot = host.indexOf('.');
  // One label only, never empty: *.example.com covers a.example.com, not example.com nor a.b.example.com.
  return dot > 0 && host.slice(dot + 1) === rest && rest.includes('.');
}

/** The DNS names of a certificate: its subjectAltName DNS entries, else its CN. */
export function dnsNames(subjectAltName: string | undefined, subject: string): string[] {
  if (subjectAltName) {
    // Node quotes a name holding unusual characters as a JSON string ("x\u001b..."): decode it, so
    // the caller's stripping sees (and removes) the real control characters.
    return (subjectAltName.match(/DNS:(?:"(?:[^"\\]|\\.)*"|[^,]*)/g) ?? []).map((n) => unquote(n.slice(4)));
  }
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(subject);
  return cn ? [cn[1]!] : [];
}

function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  try {
    return String(JSON.parse(name));
  } catch {
    return name;
  }
}

export function namesCover(names: readonly string[], domain: string): boolean {
  return names.some((name) => nameCovers(name, domain));
}
