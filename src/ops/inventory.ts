// The fleet as Live knows it, in as few calls as the API allows: every domain from one ShowDomain
// answer, every deployed certificate from ShowCertificateInfo a hundred at a time (one call per 100
// play domains, no per-domain GET). `domains`, `status --all` and `update --covered` read it.
import { normalizeDomain } from '../check/domain-names.js';
import { DEFAULT_WARN_DAYS } from '../check/validity.js';
import type { CertificateChain } from '../check/certificate-chain.js';
import { deployedText } from './deployed.js';
import type { DeployedCertificateInfo, FleetApi, LiveDomain } from './fleet-api.js';

/** The most ShowCertificateInfo gives in one page. */
export const CERTIFICATES_PAGE = 100;

export interface DeployedSummary {
  /** End of validity (ISO 8601, UTC), as ShowCertificateInfo reports it. */
  expireTime: string | null;
  source: 'scm' | 'user' | null;
  certId?: string;
  certName?: string;
  /**
   * Which of the domain's certificates this is: ShowCertificateInfo lists an SM (GM) domain's
   * signature and encryption certificates beside its international one, each on its own row.
   */
  certType: 'international' | 'sm-sign' | 'sm-enc' | 'sm';
}

const certTypeOf = (info: DeployedCertificateInfo): DeployedSummary['certType'] =>
  info.cert_type !== 1
    ? 'international'
    : info.gm_cert_type === 1
      ? 'sm-sign'
      : info.gm_cert_type === 2
        ? 'sm-enc'
        : 'sm';

export interface InventoryDomain {
  domain: string;
  type: 'pull' | 'push';
  status: 'on' | 'off' | 'configuring';
  cname: string | null;
  /** The deployed certificate of a play domain; null when ShowCertificateInfo lists none. */
  certificate: DeployedSummary | null;
}

/** Every page of ShowCertificateInfo (limit 100), stopping at the total or at an empty page. */
export async function deployedCertificates(
  api: Pick<FleetApi, 'showCertificateInfo'>,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<DeployedCertificateInfo[]> {
  const all: DeployedCertificateInfo[] = [];
  for (let offset = 0; ; offset += CERTIFICATES_PAGE) {
    const page = await api.showCertificateInfo({ offset, limit: CERTIFICATES_PAGE, signal: options.signal });
    all.push(...page.certificates_info);
    const total = typeof page.total === 'number' ? page.total : undefined;
    // An empty or short page ends the list whatever `total` says: a server cannot keep us paging.
    if (page.certificates_info.length < CERTIFICATES_PAGE || (total !== undefined && all.length >= total)) break;
  }
  return all;
}

const summaryOf = (info: DeployedCertificateInfo): DeployedSummary => {
  const expire = info.expire_time ? Date.parse(info.expire_time) : Number.NaN;
  return {
    expireTime: Number.isNaN(expire) ? null : new Date(expire).toISOString(),
    source: info.source ?? null,
    ...(info.cert_id ? { certId: deployedText(info.cert_id) } : {}),
    ...(info.cert_name ? { certName: deployedText(info.cert_name) } : {}),
    certType: certTypeOf(info),
  };
};

/**
 * Every domain of the project with, for play domains, the deployed certificate's expiry and source.
 * `certificates: false` reads the domains alone (one ShowDomain call; every `certificate` is null):
 * what `--covered` needs to pick its targets.
 */
export async function listDomains(
  api: Pick<FleetApi, 'showDomain' | 'showCertificateInfo'>,
  options: { signal?: AbortSignal | undefined; certificates?: boolean } = {},
): Promise<InventoryDomain[]> {
  const { domain_info } = await api.showDomain({ signal: options.signal });
  const certificates = new Map<string, DeployedCertificateInfo>();
  if (options.certificates !== false && domain_info.some((d) => d.domain_type === 'pull'))
    for (const info of await deployedCertificates(api, options)) {
      // One row per domain here: the international certificate when it has one (what browsers see).
      const key = normalizeDomain(info.play_domain);
      if (!certificates.has(key) || certTypeOf(info) === 'international') certificates.set(key, info);
    }
  return domain_info.map((d: LiveDomain) => {
    const info = d.domain_type === 'pull' ? certificates.get(normalizeDomain(d.domain)) : undefined;
    return {
      domain: deployedText(d.domain),
      type: d.domain_type,
      status: d.status,
      cname: d.domain_cname ? deployedText(d.domain_cname) : null,
      certificate: info ? summaryOf(info) : null,
    };
  });
}

export interface FleetStatus extends DeployedSummary {
  domain: string;
  /** Whole days to expiry (negative once expired); null when unknown. */
  daysLeft: number | null;
  /** Why it needs attention; empty when it does not. */
  attention: string[];
}

/** `status --all`: every play domain's certificate from ShowCertificateInfo alone. */
export async function fleetStatus(
  api: Pick<FleetApi, 'showCertificateInfo'>,
  options: { warnDays?: number; now?: Date; signal?: AbortSignal | undefined } = {},
): Promise<FleetStatus[]> {
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  const now = options.now ?? new Date();
  return (await deployedCertificates(api, options)).map((info) => {
    const summary = summaryOf(info);
    const daysLeft = summary.expireTime
      ? Math.floor((Date.parse(summary.expireTime) - now.getTime()) / 86_400_000)
      : null;
    const attention: string[] = [];
    if (daysLeft === null) attention.push('the expiry of the deployed certificate is unknown');
    else if (daysLeft < 0) attention.push(`expired ${-daysLeft} day(s) ago`);
    else if (daysLeft <= warnDays) attention.push(`expires in ${daysLeft} day(s) (within ${warnDays})`);
    return { domain: deployedText(info.play_domain), ...summary, daysLeft, attention };
  });
}

export interface CoveredTargets {
  /** `pull` domains, status `on`, that the certificate covers: to write. */
  targets: string[];
  /** Every other domain, with why it is left alone. */
  skipped: { domain: string; reason: string }[];
}

/** `--covered`: the `on` play domains the certificate's subjectAltName covers (one-label wildcards). */
export function coveredTargets(chain: CertificateChain, domains: readonly InventoryDomain[]): CoveredTargets {
  const result: CoveredTargets = { targets: [], skipped: [] };
  const names = chain.names.join(', ') || 'no DNS name in its subjectAltName';
  for (const d of domains) {
    if (d.type !== 'pull') result.skipped.push({ domain: d.domain, reason: 'a push domain serves no play HTTPS' });
    else if (d.status !== 'on') result.skipped.push({ domain: d.domain, reason: `status is ${d.status}, not on` });
    else if (!chain.covers(d.domain))
      result.skipped.push({ domain: d.domain, reason: `not covered by the certificate (${names})` });
    else result.targets.push(d.domain);
  }
  return result;
}
