/* tslint:disable */
/* eslint-disable */
export * from './DomainManagementApi.js';
export * from './HTTPSCertificateManagementApi.js';
