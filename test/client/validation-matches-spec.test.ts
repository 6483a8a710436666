// The limits the client checks are the spec's limits: a spec edit that changes one fails here.
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_SOURCES, LIMITS } from '../../src/validate.js';
import { spec } from '../support/spec.js';

const schemas = spec.components.schemas;

describe('validate.ts mirrors spec/live-https-cert.yaml', () => {
  it('domain length', () => {
    expect(spec.components.parameters.Domain.schema).toMatchObject({ minLength: LIMITS.domain.min, maxLength: LIMITS.domain.max });
  });

  it('TlsCertificateInfo limits and source enum', () => {
    const p = schemas.TlsCertificateInfo.properties;
    expect([p.cert_name.maxLength, p.cert_id.maxLength, p.certificate.maxLength, p.certificate_key.maxLength, p.source.maxLength]).toEqual([
      LIMITS.certName, LIMITS.certId, LIMITS.certificate, LIMITS.certificateKey, LIMITS.source,
    ]);
    expect(p.source.enum).toEqual(CERTIFICATE_SOURCES);
  });

  it('GmCertificateInfo limits and source enum', () => {
    const p = schemas.GmCertificateInfo.properties;
    expect([p.cert_name.maxLength, p.cert_id.maxLength, p.sign_certificate.maxLength, p.sign_certificate_key.maxLength, p.enc_certificate.maxLength, p.enc_certificate_key.maxLength]).toEqual([
      LIMITS.certName, LIMITS.certId, LIMITS.certificate, LIMITS.certificateKey, LIMITS.certificate, LIMITS.certificateKey,
    ]);
    expect(p.source.enum).toEqual(CERTIFICATE_SOURCES);
  });

  it('certificate_format enum', () => {
    expect(schemas.DomainHttpsCertInfo.properties.certificate_format.enum).toEqual(['PEM']);
  });
});
