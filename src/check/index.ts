// live-https-cert/check: certificate pre-flight on Node (node:crypto), kept out of the
// browser-safe client entry.
export { preflight } from './preflight.js';
export type { PreflightOptions } from './preflight.js';
export { fixChainOrder } from './chain.js';
export type { FixedChain } from './chain.js';
export { checkPair } from './check-pair.js';
export type { PairInput } from './check-pair.js';
export { looksLikeDer, normalizePem, pemBlocks } from './pem.js';
export type { NormalizedPem, PemBlock } from './pem.js';
export type {
  CertificateSummary,
  CheckName,
  CheckReport,
  CheckStatus,
  Finding,
  Severity,
  Subject,
} from './findings.js';
