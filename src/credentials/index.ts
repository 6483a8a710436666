// The ready credentials providers (exported by live-https-cert/node, to keep the browser bundle small).
export { chainCredentials, defaultCredentials } from './chain.js';
export type { DefaultCredentialsOptions } from './chain.js';
export { envCredentials } from './env.js';
export type { EnvCredentialsOptions } from './env.js';
export { METADATA_ENDPOINT, metadataCredentials } from './metadata.js';
export type { MetadataCredentialsOptions } from './metadata.js';
export { CredentialsNotFoundError } from './not-found.js';
export { profileCredentials } from './profile.js';
export type { ProfileCredentialsOptions } from './profile.js';
export { clearProjectIdCache } from './project-id.js';
