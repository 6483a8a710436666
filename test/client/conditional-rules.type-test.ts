// A type test, compiled by `npm run lint` (tsc): the page's conditional rules live in the spec as
// oneOf/anyOf, so the generated types refuse what the API refuses. Each `@ts-expect-error` fails
// the lint if the line below it ever compiles.
import type { DomainHttpsCertInfo, ShowOptions } from '../../src/index.js';

export const valid: DomainHttpsCertInfo[] = [
  { certificate_format: 'PEM', certificate: 'your cert', certificate_key: 'your cert key', force_redirect: true },
  { tls_certificate: { source: 'scm', cert_id: 'scs1700000000000' } },
  { tls_certificate: { source: 'scm', cert_id: 'scs1700000000000', cert_name: 'play-example-com' } },
  { tls_certificate: { source: 'user', certificate: 'c', certificate_key: 'k' } },
  { tls_certificate: { certificate: 'c', certificate_key: 'k' } },
  { gm_certificate: { source: 'scm', cert_id: 'scs1' } },
  {
    gm_certificate: {
      sign_certificate: 'c',
      sign_certificate_key: 'k',
      enc_certificate: 'c',
      enc_certificate_key: 'k',
    },
  },
];

// @ts-expect-error source scm without cert_id
export const scmWithoutCertId: DomainHttpsCertInfo = { tls_certificate: { source: 'scm' } };
// @ts-expect-error source user without certificate_key
export const userWithoutKey: DomainHttpsCertInfo = { tls_certificate: { source: 'user', certificate: 'c' } };
// @ts-expect-error the default source (user) without certificate
export const defaultWithoutCertificate: DomainHttpsCertInfo = { tls_certificate: { certificate_key: 'k' } };
// @ts-expect-error an SM certificate of source user needs both pairs
export const gmHalf: DomainHttpsCertInfo = { gm_certificate: { sign_certificate: 'c', sign_certificate_key: 'k' } };
// @ts-expect-error gm source scm without cert_id
export const gmScmWithoutCertId: DomainHttpsCertInfo = { gm_certificate: { source: 'scm' } };
// @ts-expect-error a source outside the enum
export const badSource: DomainHttpsCertInfo = { tls_certificate: { source: 'ccm', cert_id: 'x' } };

// The method options are the generated operation's query parameters.
export const show: ShowOptions = { domain: 'play.example.com' };
// @ts-expect-error domain is a required query parameter
export const showWithoutDomain: ShowOptions = {};
// @ts-expect-error not a query parameter of the spec
export const showUnknown: ShowOptions = { domain: 'a', nosuch: 1 };
