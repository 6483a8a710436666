// The four calls of a fleet: Live's ShowDomain and ShowCertificateInfo, CCM's ImportCertificate and
// ListCertificates. They are the client's own generated methods (issue 17: one per operation of the
// spec, each service on its endpoint), so the ops functions take the client, or anything with these
// methods (a test double, a wrapper that paces).
import type { components as CcmSchemas } from '../../generated/ccm.js';
import type { components as LiveSchemas } from '../../generated/schema.js';
import type { LiveClient } from '../client.js';

export type DomainList = LiveSchemas['schemas']['DomainList'];
export type LiveDomain = LiveSchemas['schemas']['LiveDomain'];
export type CertificateInfoList = LiveSchemas['schemas']['CertificateInfoList'];
export type DeployedCertificateInfo = LiveSchemas['schemas']['DeployedCertificateInfo'];
export type ImportCertificateBody = CcmSchemas['schemas']['ImportCertificateRequestBody'];
export type CcmCertificateList = CcmSchemas['schemas']['ListCertificatesResponse'];

export type FleetApi = Pick<
  LiveClient,
  'showDomain' | 'showCertificateInfo' | 'importCertificate' | 'listCertificates'
>;
