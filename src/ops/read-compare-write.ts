// update as an operator wants it: read what is deployed (one GET), upload only when it differs,
// and keep the deployed force_redirect unless told otherwise (the API resets it to false when a
// PUT leaves it out).
import { type CertificateChain, readCertificateChain } from '../check/certificate-chain.js';
import type { CertificateSummary } from '../check/certificate-summary.js';
import type { LocalCertificate } from '../check/local-certificate.js';
import { ParsedLocalCertificate } from '../check/parsed-local.js';
import type { CallResult, LiveClient } from '../client.js';
import type { DomainHttpsCertInfo } from '../types.js';
import { type CertificateConfig, deployedText, tlsCertificateOf } from './deployed.js';

export interface ReadCompareWriteOptions {
  /** The client that reads the deployed configuration. */
  client: LiveClient;
  /** The client that writes; `client` by default (the CLI's dry run passes a recording one). */
  writer?: LiveClient;
  domain: string;
  /**
   * The configuration to upload (force_redirect in it is ignored: see `forceRedirect`). A
   * `LocalCertificate` (readLocalCertificate) is parsed once for all the domains it goes to.
   */
  body: DomainHttpsCertInfo | LocalCertificate;
  /** true/false sets force_redirect; undefined keeps what is deployed. */
  forceRedirect?: boolean | undefined;
  /** Skip the read and upload (force_redirect is then only sent when given). */
  always?: boolean;
  signal?: AbortSignal;
  now?: Date;
  /**
   * Called with what is deployed just before the write (never when nothing is written): the
   * rollback state saves it here. With `always` the configuration is read for it first.
   */
  beforeWrite?: ((deployed: CertificateConfig) => Promise<void>) | undefined;
}

export interface Difference {
  field: 'certificate' | 'subject' | 'notAfter' | 'fingerprint256' | 'force_redirect' | 'cert_id' | 'gm_certificate';
  deployed: string | boolean | null;
  local: string | boolean | null;
}

export interface ReadCompareWriteResult {
  domain: string;
  /** `unchanged`: nothing was written, the deployed configuration already matches. */
  action: 'updated' | 'unchanged';
  requestId?: string | undefined;
  /** What was deployed before (absent with `always`); `certificate` null when none was. */
  deployed?: { certificate: CertificateSummary | null; forceRedirect: boolean; certId?: string };
  local: { certificate: CertificateSummary | null; forceRedirect: boolean | undefined; certId?: string };
  /** Deployed versus local, field by field (empty when unchanged, or with `always`). */
  differences: Difference[];
}

/** The CCM id of a tls_certificate kept in CCM (null when it has none); undefined for any other source. */
const scmCertId = (config: CertificateConfig): string | null | undefined =>
  config.tls_certificate?.source === 'scm' ? (config.tls_certificate.cert_id ?? null) : undefined;

/** Two chains are the same when the fingerprints of all their certificates are; null when unreadable. */
const chainKey = (chain: CertificateChain | undefined) => (chain?.readable ? chain.fingerprints.join(',') : null);

interface Compared {
  /** The local international chain, when the body has PEM text (else a CCM reference, or none). */
  local: CertificateChain | undefined;
  deployed: CertificateChain;
  /** The local SM chains (sign, enc), when the body has them as PEM text. */
  localSm: readonly CertificateChain[];
}

function differencesOf(
  deployedInfo: CertificateConfig,
  body: CertificateConfig,
  forceRedirect: boolean,
  chains: Compared,
  now: Date | undefined,
): Difference[] {
  const differences: Difference[] = [];
  if (chains.local && chainKey(chains.local) !== chainKey(chains.deployed)) {
    const local = chains.local.summary(now ? { now } : {});
    const deployed = chains.deployed.summary(now ? { now } : {});
    differences.push({
      field: 'certificate',
      deployed: deployed ? `${deployed.chainFingerprints.length} certificate(s)` : null,
      local: local ? `${local.chainFingerprints.length} certificate(s)` : null,
    });
    for (const field of ['subject', 'notAfter', 'fingerprint256'] as const) {
      const a = deployed?.[field] ?? null;
      const b = local?.[field] ?? null;
      if (a !== b) differences.push({ field, deployed: a, local: b });
    }
  }
  const localScm = scmCertId(body);
  if (localScm !== undefined) {
    const deployedScm = scmCertId(deployedInfo) ?? null;
    if (deployedScm !== localScm)
      differences.push({
        field: 'cert_id',
        deployed: deployedScm === null ? null : deployedText(deployedScm),
        local: localScm,
      });
  }
  const gm = body.gm_certificate;
  if (gm) {
    const deployedGm = deployedInfo.gm_certificate;
    const key = (g: CertificateConfig['gm_certificate'], [sign, enc]: readonly (CertificateChain | undefined)[]) =>
      g ? (g.source === 'scm' ? `scm:${g.cert_id ?? ''}` : `${chainKey(sign)}|${chainKey(enc)}`) : null;
    const deployedSm = [deployedGm?.sign_certificate, deployedGm?.enc_certificate].map(readCertificateChain);
    if (key(gm, chains.localSm) !== key(deployedGm, deployedSm))
      differences.push({ field: 'gm_certificate', deployed: deployedGm ? 'configured' : null, local: 'configured' });
  }
  const deployedRedirect = deployedInfo.force_redirect === true;
  if (deployedRedirect !== forceRedirect)
    differences.push({ field: 'force_redirect', deployed: deployedRedirect, local: forceRedirect });
  return differences;
}

/** Reads the deployed configuration, compares, and uploads only what differs. */
export async function readCompareWrite(options: ReadCompareWriteOptions): Promise<ReadCompareWriteResult> {
  const { client, domain, now } = options;
  const writer = options.writer ?? client;
  const call = options.signal ? { domain, signal: options.signal } : { domain };
  const parsed = ParsedLocalCertificate.from(options.body);
  const { force_redirect: _ignored, ...certificates } = parsed.body;
  // The chain preflight checked: the same text as tlsCertificateOf(certificates), read once.
  const localChain = tlsCertificateOf(certificates) === undefined ? undefined : parsed.chain;
  const localCertificate = localChain?.summary({ domain, ...(now ? { now } : {}) }) ?? null;
  const localScm = scmCertId(certificates) ?? undefined;
  const withScm = <T extends object>(o: T, id: string | undefined) => (id ? { ...o, certId: id } : o);

  if (options.always) {
    if (options.beforeWrite) await options.beforeWrite(await client.showDomainHttpsCert(call));
    const sent =
      options.forceRedirect === undefined ? certificates : { ...certificates, force_redirect: options.forceRedirect };
    const { requestId }: CallResult = await writer.updateDomainHttpsCert({ ...call, body: sent });
    return {
      domain,
      action: 'updated',
      requestId,
      local: withScm({ certificate: localCertificate, forceRedirect: options.forceRedirect }, localScm),
      differences: [],
    };
  }

  const deployedInfo: CertificateConfig = await client.showDomainHttpsCert(call);
  const deployedRedirect = deployedInfo.force_redirect === true;
  const forceRedirect = options.forceRedirect ?? deployedRedirect;
  const deployedScm = scmCertId(deployedInfo) ?? undefined;
  const deployedChain = readCertificateChain(tlsCertificateOf(deployedInfo));
  const deployed = withScm(
    {
      certificate: deployedChain.summary({ domain, ...(now ? { now } : {}) }) ?? null,
      forceRedirect: deployedRedirect,
    },
    deployedScm === undefined ? undefined : deployedText(deployedScm),
  );
  const local = withScm({ certificate: localCertificate, forceRedirect }, localScm);
  const localSm = certificates.gm_certificate ? parsed.smPairs.map((p) => p.facts.chain) : [];
  const differences = differencesOf(
    deployedInfo,
    certificates,
    forceRedirect,
    { local: localChain, deployed: deployedChain, localSm },
    now,
  );
  if (differences.length === 0) return { domain, action: 'unchanged', deployed, local, differences };

  const sent = { ...certificates, force_redirect: forceRedirect };
  if (options.beforeWrite) await options.beforeWrite(deployedInfo);
  const { requestId } = await writer.updateDomainHttpsCert({ ...call, body: sent });
  return { domain, action: 'updated', requestId, deployed, local, differences };
}
