/* tslint:disable */
/* eslint-disable */
export * from './HTTPSCertificateManagementApi.js';
