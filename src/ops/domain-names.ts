// The domain-name rules live with the certificate model (check/domain-names.ts); the CLI and the
// ops entry import them from here too.
export {
  dnsNames,
  idnaProblem,
  nameCovers,
  namesCover,
  normalizeDomain,
  uniqueDomains,
} from '../check/domain-names.js';
