import { idnaProblem, normalizeDomain } from '../ops/domain-names.js';
import { domainProblems } from '../validate.js';
import type { DomainFlags } from './args.js';
import { UsageError } from './exit-codes.js';
import { readDomainsFile } from './files.js';

/**
 * The domains named by --domain (repeatable) and --domains-file, checked, without duplicates:
 * compared (and used) in lower case without a trailing dot, so `Play.Example.com.` is `play.example.com`,
 * and an IDN as A-labels, so `bücher.example.com` is `xn--bcher-kva.example.com` for every command.
 */
export function domainsFrom(values: DomainFlags): string[] {
  const listed = values.domain ?? [];
  const file = values['domains-file'];
  const domains = [...new Set([...listed, ...(file ? readDomainsFile(file) : [])].map(normalizeDomain))];
  if (domains.length === 0)
    throw new UsageError(
      file ? `--domains-file ${file}: no domains in it` : 'give --domain D (repeatable) or --domains-file FILE',
    );
  const bad = domains.flatMap((domain) =>
    [...domainProblems(domain).map((p) => p.message), idnaProblem(domain) ?? []]
      .flat()
      .map(
        (message) => `domain ${JSON.stringify(domain.length > 40 ? `${domain.slice(0, 40)}...` : domain)} ${message}`,
      ),
  );
  if (bad.length) throw new UsageError(bad.join('; '));
  return domains;
}
