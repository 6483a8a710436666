// Whether mainstream browsers accept the leaf's key for a server certificate. They accept RSA
// (rsaEncryption) of 2048 bits or more and ECDSA on P-256 or P-384; the CA/Browser Forum forbids
// RSA under 2048 bits. Chrome offers no signature scheme for ECDSA P-521, RSA-PSS keys
// (id-RSASSA-PSS) or Ed25519/Ed448, so such a certificate fails there.
import type { X509Certificate } from 'node:crypto';
import type { Finding } from './findings.js';

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

const USE_INSTEAD = 'use ECDSA P-256 or RSA 2048 (or larger)';

export function keyTypeFinding(leaf: X509Certificate): Omit<Finding, 'subject'> {
  let type: string | undefined;
  let details: { modulusLength?: number | undefined; namedCurve?: string | undefined } = {};
  try {
    type = leaf.publicKey.asymmetricKeyType;
    details = leaf.publicKey.asymmetricKeyDetails ?? {};
  } catch {
    type = undefined;
  }
  const passed = (message: string) => ({
    check: 'key-type' as const,
    status: 'passed' as const,
    severity: 'info' as const,
    message,
  });
  const failed = (severity: 'error' | 'warning', message: string) => ({
    check: 'key-type' as const,
    status: 'failed' as const,
    severity,
    message,
  });
  const bits = details.modulusLength;
  if (type === 'rsa' || type === 'rsa-pss') {
    if (bits !== undefined && bits < 2048)
      return failed(
        'error',
        `RSA key of ${bits} bits: browsers and CAs require at least 2048; reissue with RSA 2048 (or larger) or ECDSA P-256`,
      );
    if (type === 'rsa-pss')
      return failed(
        'warning',
        `RSA-PSS key (id-RSASSA-PSS, ${bits ?? '?'} bits): mainstream browsers (Chrome) do not accept it for a server certificate; ${USE_INSTEAD} with an rsaEncryption key`,
      );
    return passed(`RSA key of ${bits ?? '?'} bits`);
  }
  if (type === 'ec') {
    const curve = CURVES[details.namedCurve ?? ''] ?? details.namedCurve ?? 'an unknown curve';
    if (curve === 'P-256' || curve === 'P-384') return passed(`ECDSA ${curve} key`);
    return failed(
      'warning',
      `ECDSA ${curve} key: mainstream browsers (Chrome) do not accept it for a server certificate; ${USE_INSTEAD} or P-384`,
    );
  }
  const name =
    type === 'ed25519'
      ? 'Ed25519'
      : type === 'ed448'
        ? 'Ed448'
        : type
          ? type.toUpperCase()
          : 'a type this runtime does not know (SM2?)';
  return failed(
    'warning',
    `${name} key: mainstream browsers (Chrome, Firefox, Safari) do not accept it for a server certificate; ${USE_INSTEAD}`,
  );
}
