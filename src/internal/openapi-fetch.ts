// openapi-fetch's default export, from ESM and CommonJS alike. Its CommonJS build sets
// `exports.default` without `__esModule`, so a CommonJS consumer of our build would otherwise get
// the whole exports object where the function belongs.
import * as openapiFetch from 'openapi-fetch';

type CreateClient = typeof openapiFetch.default;
const exported = openapiFetch.default as CreateClient | { default: CreateClient };

export const createClient: CreateClient = typeof exported === 'function' ? exported : exported.default;
export type { Client, Middleware } from 'openapi-fetch';
