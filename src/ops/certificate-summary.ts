// The certificate summary is the certificate model's (check/); the CLI and the ops entry import it here too.
export { summarizePem } from '../check/certificate-chain.js';
export type { CertificateSummary, SummaryOptions } from '../check/certificate-summary.js';
