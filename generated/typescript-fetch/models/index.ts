/* tslint:disable */
/* eslint-disable */
export * from './CertificateFormat.js';
export * from './CertificateSource.js';
export * from './DomainHttpsCertInfo.js';
export * from './DomainHttpsCertSettings.js';
export * from './ErrorResponse.js';
export * from './GmCertificateFromScm.js';
export * from './GmCertificateFromUser.js';
export * from './GmCertificateInfo.js';
export * from './GmCertificateSettings.js';
export * from './TlsCertificateFromScm.js';
export * from './TlsCertificateFromScmSource.js';
export * from './TlsCertificateFromUser.js';
export * from './TlsCertificateFromUserSource.js';
export * from './TlsCertificateInfo.js';
export * from './TlsCertificateSettings.js';
