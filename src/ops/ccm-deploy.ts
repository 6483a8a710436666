// `update --via-ccm`: the chain and key go to Cloud Certificate Manager once per run, under a name
// derived from the leaf, and every domain is bound to it by `cert_id`: the key is sent once, not
// once per domain. A CCM certificate of that name is reused (ListCertificates), so a second run
// imports nothing. Before each write the domain's setting is saved for `rollback`; after it, with
// `verify`, a domain that does not serve the new leaf within the wait is rolled back.
import type { CertificateChain } from '../check/certificate-chain.js';
import type { LocalCertificate } from '../check/local-certificate.js';
import type { LiveClient } from '../client.js';
import { ValidationError } from '../errors.js';
import type { CertificateConfig } from './deployed.js';
import type { FleetApi } from './fleet-api.js';
import { type ReadCompareWriteResult, readCompareWrite } from './read-compare-write.js';
import type { RollbackState } from './rollback-state.js';
import { type RollbackResult, rollbackDomain } from './rollback.js';
import { type VerifyResult, verifyServed } from './verify.js';

/** `lhc-` and the first 32 hex digits of the leaf's SHA-256: the same leaf, the same name. */
export function ccmNameOf(chain: CertificateChain): string {
  const leaf = chain.readable ? chain.fingerprints[0] : undefined;
  if (!leaf)
    throw new ValidationError([
      { field: 'certificate', message: 'has no readable leaf certificate', rule: 'required' },
    ]);
  return `lhc-${leaf
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase()
    .slice(0, 32)}`;
}

export interface CcmCertificateRef {
  certId: string;
  certName: string;
  /** false: a CCM certificate of that name was there already and is reused. */
  imported: boolean;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Finds the CCM certificate of the leaf's name (ListCertificates), else imports the chain and key once. */
export async function ensureCcmCertificate(
  api: Pick<FleetApi, 'importCertificate' | 'listCertificates'>,
  local: LocalCertificate,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<CcmCertificateRef> {
  const chain = local.chain;
  const body = local.body;
  const pem = body.tls_certificate && 'certificate' in body.tls_certificate ? body.tls_certificate : body;
  const text = (pem as { certificate?: string }).certificate;
  const key = (pem as { certificate_key?: string }).certificate_key;
  if (!chain || !text || !key)
    throw new ValidationError([
      {
        field: 'certificate',
        message: '--via-ccm needs the certificate chain and its private key as PEM text',
        rule: 'required',
      },
    ]);
  const certName = ccmNameOf(chain);
  const { signal } = options;
  // `content` is a keyword search: only an exact name match is the one to reuse.
  const listed = await api.listCertificates({ content: certName, limit: 50, offset: 0, signal });
  const found = listed.certificates.find((c) => c.name === certName);
  if (found) return { certId: found.id, certName, imported: false };
  const [leaf = '', ...rest] = text.match(PEM_BLOCK) ?? [];
  const { certificate_id } = await api.importCertificate({
    body: {
      name: certName,
      certificate: `${leaf}\n`,
      ...(rest.length ? { certificate_chain: `${rest.join('\n')}\n` } : {}),
      private_key: key,
    },
    signal,
  });
  return { certId: certificate_id, certName, imported: true };
}

/** The body that binds a domain to a CCM certificate (no PEM text, no key). */
export const scmBody = (ref: Pick<CcmCertificateRef, 'certId' | 'certName'>) => ({
  tls_certificate: { source: 'scm' as const, cert_id: ref.certId, cert_name: ref.certName },
});

export interface DeployOptions {
  client: LiveClient;
  domain: string;
  /** What to deploy: the local certificate (uploaded), or a CCM reference (bound by cert_id). */
  body: LocalCertificate | CertificateConfig;
  /** Saves the deployed setting before the write; none: nothing is saved. */
  state?: RollbackState | undefined;
  forceRedirect?: boolean | undefined;
  /** Check what the domain serves after the write; with `rollbackOnFailure`, restore when it does not match. */
  verify?: { expectedFingerprint: string; waitMs?: number; intervalMs?: number; host?: string; port?: number };
  rollbackOnFailure?: boolean | undefined;
  signal?: AbortSignal | undefined;
  now?: Date | undefined;
}

export interface DeployResult extends ReadCompareWriteResult {
  verified?: VerifyResult;
  rolledBack?: RollbackResult;
}

/** One domain: save, read-compare-write, and (optionally) verify and roll back. */
export async function deployToDomain(options: DeployOptions): Promise<DeployResult> {
  const { client, domain, state } = options;
  const result: DeployResult = await readCompareWrite({
    client,
    domain,
    body: options.body as LocalCertificate,
    forceRedirect: options.forceRedirect,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(state ? { beforeWrite: async (deployed) => void (await state.save(domain, deployed, 'update')) } : {}),
  });
  if (!options.verify || result.action !== 'updated') return result;
  result.verified = await verifyServed({
    domain,
    ...options.verify,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!result.verified.matched && options.rollbackOnFailure && state)
    result.rolledBack = await rollbackDomain({ client, state, domain, signal: options.signal });
  return result;
}
