// live-https-cert/check: the certificate model and the pre-flight checks on Node (node:crypto),
// kept out of the browser-safe client entry.
export { preflight } from './preflight.js';
export type { PreflightOptions } from './preflight.js';
export { readLocalCertificate } from './local-certificate.js';
export type { LocalCertificate, LocalCertificateOptions } from './local-certificate.js';
export { readCertificateChain, summarizePem } from './certificate-chain.js';
export type { CertificateChain } from './certificate-chain.js';
export type { CertificateSummary, SummaryOptions } from './certificate-summary.js';
export { dnsNames, idnaProblem, nameCovers, namesCover, normalizeDomain, uniqueDomains } from './domain-names.js';
export { DEFAULT_WARN_DAYS } from './validity.js';
export { fixChainOrder } from './chain.js';
export type { FixedChain } from './chain.js';
export { updateBodyProblems } from './body-problems.js';
export { checkPair } from './check-pair.js';
export type { PairInput } from './check-pair.js';
export { looksLikeDer, normalizePem, pemBlocks } from './pem.js';
export type { NormalizedPem, PemBlock } from './pem.js';
export type { CheckName, CheckReport, CheckStatus, Finding, Severity, Subject } from './findings.js';
