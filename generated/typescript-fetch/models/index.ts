/* tslint:disable */
/* eslint-disable */
export * from './CertificateFormat.js';
export * from './CertificateInfoList.js';
export * from './CertificateSource.js';
export * from './DeployedCertificateInfo.js';
export * from './DeployedCertificateInfoCertType.js';
export * from './DeployedCertificateInfoGmCertType.js';
export * from './DeployedCertificateInfoSource.js';
export * from './DomainHttpsCertInfo.js';
export * from './DomainHttpsCertSettings.js';
export * from './DomainList.js';
export * from './ErrorResponse.js';
export * from './GmCertificateFromScm.js';
export * from './GmCertificateFromUser.js';
export * from './GmCertificateInfo.js';
export * from './GmCertificateSettings.js';
export * from './LiveDomain.js';
export * from './LiveDomainDomainType.js';
export * from './LiveDomainStatus.js';
export * from './TlsCertificateFromScm.js';
export * from './TlsCertificateFromScmSource.js';
export * from './TlsCertificateFromUser.js';
export * from './TlsCertificateFromUserSource.js';
export * from './TlsCertificateInfo.js';
export * from './TlsCertificateSettings.js';
