// The browser-safe entry: re-exports only. Nothing reachable from here imports `node:`.
// The data path: spec/*.yaml -> generated/operations.ts (one row per operation: method, path,
// parameters, validators) -> client.ts (one method per row) -> transport/ (sign, send, retry)
// -> internal/parse.ts (the one parse point) -> the typed result.
export { createLiveClient } from './client.js';
export { requestIdOf } from './request-id.js';
export { LOG_LEVEL_VARIABLE, LOG_LEVELS } from './log/logger.js';
export type { LogFields, Logger, LogLevel, LogOptions } from './log/logger.js';
export type {
  CallControls,
  CallOptions,
  CallResult,
  DeleteOptions,
  LiveClient,
  LiveClientOptions,
  LiveMethods,
  OperationOptions,
  OptionsOf,
  ResultOf,
  ShowOptions,
  ShowResult,
  UpdateOptions,
} from './client.js';
export type { ServiceName } from '../generated/client-methods.js';
export type {
  AkSkCredentials,
  Credentials,
  CredentialsProvider,
  ProvidedCredentials,
  TokenCredentials,
} from './auth/credentials.js';
export { createAkSkSigner } from './auth/aksk-signer.js';
export type { RequestSigner, SignableRequest } from './auth/aksk-signer.js';
export { webCryptoHash } from './auth/hash.js';
export type { SigningAlgorithm, SigningHash } from './auth/hash.js';
export {
  ConfigurationError,
  LiveApiError,
  LiveCredentialsRefusedError,
  LiveError,
  LiveNetworkError,
  LiveResponseError,
  LiveTimeoutError,
  ValidationError,
} from './errors.js';
export type { LiveOperationId, OperationId, ValidationProblem } from './errors.js';

export { LiveHttp2OnlyError, LiveProxyError, LiveRedirectError, LiveTlsError } from './errors.js';
export { DEFAULT_REGION, LIVE_REGIONS, regionOverrideVariable, resolveEndpoint, serviceEndpoint } from './regions.js';
export type { LiveRegion } from './regions.js';
export { createTransport } from './transport/live-transport.js';
export type { CredentialsState } from './transport/credentials-gate.js';
export { DEFAULT_REQUESTS_PER_MINUTE } from './transport/pacer.js';
export type { Timers } from './transport/pacer.js';
export type { Authorize, Transport, TransportOptions } from './transport/live-transport.js';
export type { BodyLimit, FetchFunction, Sender, WireResponse } from './transport/sender.js';
export type { RetryTuning } from './transport/retry-policy.js';
export type {
  DomainHttpsCertInfo,
  DomainHttpsCertSettings,
  ErrorResponse,
  GmCertificateInfo,
  TlsCertificateInfo,
  components,
  operations,
  paths,
} from './types.js';
export { domainProblems, projectIdProblems, requestProblems } from './validate.js';
export type { LiveOperation, RequestParts } from './validate.js';
export { VERSION } from './version.js';
