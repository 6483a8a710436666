// Names for the generated schema types that users of the client touch.
import type { components, operations, paths } from '../generated/schema.js';

export type { components, operations, paths };
export type DomainHttpsCertInfo = components['schemas']['DomainHttpsCertInfo'];
export type TlsCertificateInfo = components['schemas']['TlsCertificateInfo'];
export type GmCertificateInfo = components['schemas']['GmCertificateInfo'];
export type ErrorResponse = components['schemas']['ErrorResponse'];
