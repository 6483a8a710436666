// Names for the generated schema types that users of the client touch.
import type { components, operations, paths } from '../generated/schema.js';

export type { components, operations, paths };
/** The update's body: the page's rules (source scm needs cert_id, user needs the PEM texts) are in the type. */
export type DomainHttpsCertInfo = components['schemas']['DomainHttpsCertInfo'];
/** What the query returns. */
export type DomainHttpsCertSettings = components['schemas']['DomainHttpsCertSettings'];
export type TlsCertificateInfo = components['schemas']['TlsCertificateInfo'];
export type GmCertificateInfo = components['schemas']['GmCertificateInfo'];
export type ErrorResponse = components['schemas']['ErrorResponse'];
