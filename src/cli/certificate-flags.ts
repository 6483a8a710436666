// The certificate an `update` or `check` names with its flags, read into the API's body shape.
import { type LocalCertificate, readLocalCertificate } from '../check/local-certificate.js';
import type { DomainHttpsCertInfo } from '../types.js';
import type { CertificateFlags, WriteFlags } from './args.js';
import { UsageError } from './exit-codes.js';
import { readPemFile } from './files.js';

const GM_FLAGS = ['gm-sign-cert', 'gm-sign-key', 'gm-enc-cert', 'gm-enc-key'] as const;

/** `warn` hears of private key files others may read (see readPemFile). */
export function certificateBodyFrom(
  values: CertificateFlags & Pick<WriteFlags, 'force-redirect'>,
  command: 'update' | 'check',
  warn: (message: string) => void,
): DomainHttpsCertInfo {
  const { cert, key } = values;
  const scmId = values['scm-cert-id'];
  const gmGiven = GM_FLAGS.filter((f) => values[f] !== undefined);
  if ((cert === undefined) !== (key === undefined))
    throw new UsageError(`${cert ? '--key' : '--cert'} is missing: --cert and --key go together`);
  if (scmId !== undefined && cert !== undefined)
    throw new UsageError('give either --cert/--key or --scm-cert-id, not both');
  if (gmGiven.length && gmGiven.length < GM_FLAGS.length) {
    throw new UsageError(
      `an SM certificate needs all of ${GM_FLAGS.map((f) => `--${f}`).join(', ')}; missing ${GM_FLAGS.filter(
        (f) => !gmGiven.includes(f),
      )
        .map((f) => `--${f}`)
        .join(', ')}`,
    );
  }
  if (cert === undefined && scmId === undefined && !gmGiven.length) {
    throw new UsageError(
      `give --cert FILE --key FILE${command === 'update' ? ', or --scm-cert-id ID' : ''} (see live-https-cert ${command} --help)`,
    );
  }

  const body: DomainHttpsCertInfo = {};
  if (cert !== undefined && key !== undefined) {
    Object.assign(body, {
      certificate_format: 'PEM',
      certificate: readPemFile(cert, '--cert'),
      certificate_key: readPemFile(key, '--key', warn),
    });
  }
  if (scmId !== undefined) body.tls_certificate = { source: 'scm', cert_id: scmId };
  const [signCert, signKey, encCert, encKey] = GM_FLAGS.map((f) => values[f]);
  if (signCert !== undefined && signKey !== undefined && encCert !== undefined && encKey !== undefined) {
    body.gm_certificate = {
      source: 'user',
      sign_certificate: readPemFile(signCert, '--gm-sign-cert'),
      sign_certificate_key: readPemFile(signKey, '--gm-sign-key', warn),
      enc_certificate: readPemFile(encCert, '--gm-enc-cert'),
      enc_certificate_key: readPemFile(encKey, '--gm-enc-key', warn),
    };
  }
  if (values['force-redirect']) body.force_redirect = true;
  return body;
}

/**
 * The command's certificate, read once for all its domains; with --fix-chain the international
 * chain put right (leaf first, certificates that issue nothing in it dropped) and a note of each change.
 */
export function withFixedChain(
  body: DomainHttpsCertInfo,
  values: Pick<CertificateFlags, 'fix-chain'>,
): { local: LocalCertificate; notes: string[] } {
  const local = readLocalCertificate(body, { fixChain: values['fix-chain'] === true });
  const fixed = local.fixedChain;
  if (!fixed) return { local, notes: [] };
  return {
    local,
    notes: [
      ...(fixed.reordered ? ['the chain was reordered leaf first (--fix-chain)'] : []),
      ...fixed.removed.map((removed) => `removed from the chain (--fix-chain): ${removed}`),
    ],
  };
}
