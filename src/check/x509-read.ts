// A certificate node:crypto accepted can still carry a validity date it cannot read (its ASN.1
// time is not checked at parse time: validTo is then "Bad time value"). Such a certificate is
// unreadable like damaged base64, not one whose dates turn into a RangeError later.
import { X509Certificate } from 'node:crypto';

/** The certificate of a PEM block or DER bytes; throws when it, or one of its dates, cannot be read. */
export function readX509(input: string | Buffer): X509Certificate {
  const cert = new X509Certificate(input);
  if (Number.isNaN(Date.parse(cert.validFrom)) || Number.isNaN(Date.parse(cert.validTo))) {
    throw new Error('the certificate has a validity date that cannot be read');
  }
  return cert;
}
