// live-https-cert/ops: the certificate operations behind the CLI, for TS scripts on Node:
// read-compare-write updates, status, TLS verification, ACME renewal hooks.
export { readCompareWrite } from './read-compare-write.js';
export type { Difference, ReadCompareWriteOptions, ReadCompareWriteResult } from './read-compare-write.js';
export { DEFAULT_WARN_DAYS, domainStatus, statusOf } from './status.js';
export type { DomainStatus, StatusOptions } from './status.js';
export { NoHandshakeError, sameFingerprint, servedCertificate, verifyServed } from './verify.js';
export type { ServedOptions, VerifyOptions, VerifyResult } from './verify.js';
export { coveredDomains, renewedLineage } from './deploy-hook.js';
export type { Coverage, RenewedLineage } from './deploy-hook.js';
// The certificate model is check/'s (one summary, one coverage rule), re-exported for scripts.
// Only what needs no Node type in its signature: the entry's types stay usable without @types/node.
export { readCertificateChain, readLocalCertificate, summarizePem } from '../check/index.js';
export type { CertificateChain, CertificateSummary, LocalCertificate, SummaryOptions } from '../check/index.js';
export { dnsNames, idnaProblem, nameCovers, namesCover, normalizeDomain, uniqueDomains } from '../check/index.js';
export { sourceOf, tlsCertificateOf } from './deployed.js';
export type { CertificateConfig, CertificateSource } from './deployed.js';
export { createRollbackState, savedSettingOf, stateDirectory } from './rollback-state.js';
export type { RollbackState, RollbackStateOptions, SavedCertificate, SavedSetting } from './rollback-state.js';
// Fleets (issue 18): the inventory in few calls, CCM deployment once per run, rollback.
export type { CertificateInfoList, DeployedCertificateInfo, DomainList, FleetApi, LiveDomain } from './fleet-api.js';
export { CERTIFICATES_PAGE, coveredTargets, deployedCertificates, fleetStatus, listDomains } from './inventory.js';
export type { CoveredTargets, DeployedSummary, FleetStatus, InventoryDomain } from './inventory.js';
export { ccmNameOf, deployToDomain, ensureCcmCertificate, scmBody } from './ccm-deploy.js';
export type { CcmCertificateRef, DeployOptions, DeployResult } from './ccm-deploy.js';
export { rollbackDomain } from './rollback.js';
export type { RollbackResult } from './rollback.js';
