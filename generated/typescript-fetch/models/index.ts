/* tslint:disable */
/* eslint-disable */
export * from './DomainHttpsCertInfo.js';
export * from './ErrorResponse.js';
export * from './GmCertificateInfo.js';
export * from './TlsCertificateInfo.js';
