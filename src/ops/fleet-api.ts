// The four calls of a fleet, typed from the generated types: Live's ShowDomain and
// ShowCertificateInfo, CCM's ImportCertificate and ListCertificates. The ops functions take a
// `FleetApi`, whose method names and shapes are those the client generates from the spec (issue 17:
// `showDomain`, ...), so a client that has them is a FleetApi as it is. Until then `fleetApiOf`
// makes one from a Live client and a CCM client through their typed openapi-fetch `api` and their
// transport (signing, retries, pacing); answers are checked for the fields the ops read, and a
// non-2xx answer is a LiveApiError (server text sanitised) as from the client's own methods.
import type { components as CcmSchemas, paths as CcmPaths } from '../../generated/ccm.js';
import type { components as LiveSchemas, paths as LivePaths } from '../../generated/schema.js';
import { operations as ccmOperations } from '../../generated/validators/ccm.js';
import { operations as liveOperations, type Validator } from '../../generated/validators/live.js';
import type { LiveClient } from '../client.js';
import { ConfigurationError, type LiveOperationId, LiveResponseError, ValidationError } from '../errors.js';
import { createClient } from '../internal/openapi-fetch.js';
import { parseResponse } from '../internal/parse.js';
import { problemsFrom } from '../internal/schema-problems.js';
import { serverText } from '../internal/server-text.js';
import { attemptsOf } from '../transport/live-transport.js';

export type DomainList = LiveSchemas['schemas']['DomainList'];
export type LiveDomain = LiveSchemas['schemas']['LiveDomain'];
export type CertificateInfoList = LiveSchemas['schemas']['CertificateInfoList'];
export type DeployedCertificateInfo = LiveSchemas['schemas']['DeployedCertificateInfo'];
export type ImportCertificateBody = CcmSchemas['schemas']['ImportCertificateRequestBody'];
export type CcmCertificateList = CcmSchemas['schemas']['ListCertificatesResponse'];

type Query<P, M extends 'get' | 'post'> = P extends { [K in M]: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;
interface Signal {
  signal?: AbortSignal | undefined;
}

export interface FleetApi {
  showDomain(options: Query<LivePaths['/v1/{project_id}/domain'], 'get'> & Signal): Promise<DomainList>;
  showCertificateInfo(
    options: Query<LivePaths['/v2/{project_id}/certificates'], 'get'> & Signal,
  ): Promise<CertificateInfoList>;
  importCertificate(options: { body: ImportCertificateBody } & Signal): Promise<{ certificate_id: string }>;
  listCertificates(options: Query<CcmPaths['/v3/scm/certificates'], 'get'> & Signal): Promise<CcmCertificateList>;
}

type Table = Record<
  string,
  {
    method: string;
    request: { query?: Validator; body?: Validator };
    responses: Record<string, Validator | 'empty' | 'other'>;
  }
>;

/** Bad input is refused before anything is sent, by the generated validators of the request. */
function checkRequest(table: Table, operation: string, query: unknown, body: unknown): void {
  const { request } = table[operation]!;
  const problems = [
    ...(request.query && !request.query(query) ? problemsFrom(request.query.errors, query, 'query.') : []),
    ...(request.body && !request.body(body) ? problemsFrom(request.body.errors, body, 'body.') : []),
  ];
  if (problems.length) throw new ValidationError(problems);
}

/** A non-2xx answer is a LiveApiError, a 2xx one is what the spec documents or a LiveResponseError. */
function checkAnswer<T>(table: Table, operation: string, response: Response, text: string): T {
  if (!response.ok || table === (liveOperations as unknown as Table))
    return parseResponse<T>(operation as LiveOperationId, response, text, []);
  const fail = (reason: string): never => {
    throw new LiveResponseError({
      status: response.status,
      requestId: serverText(response.headers.get('x-request-id') ?? '', [], 128) || undefined,
      operation: operation as never,
      attempts: attemptsOf(response),
      reason,
      excerpt: serverText(text, [], 200),
      mutating: table[operation]!.method !== 'get',
    });
  };
  const validator = table[operation]!.responses[String(response.status)] ?? table[operation]!.responses['200'];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('the body is not JSON');
  }
  if (typeof validator !== 'function') return fail('the spec documents no JSON body for this answer');
  if (!validator(value)) {
    const [first] = problemsFrom(validator.errors, value);
    return fail(first ? `${first.field} ${first.message}` : 'it does not match the schema');
  }
  return value as T;
}

/**
 * A FleetApi over a Live client and a CCM client (a LiveClient created with the CCM endpoint;
 * needed only for the CCM calls).
 */
export function fleetApiOf(live: LiveClient, ccm?: LiveClient): FleetApi {
  const liveApi = createClient<LivePaths>({ baseUrl: live.baseUrl, fetch: live.fetch });
  const ccmApi = ccm ? createClient<CcmPaths>({ baseUrl: ccm.baseUrl, fetch: ccm.fetch }) : undefined;
  const needCcm = () => {
    if (!ccmApi)
      throw new ConfigurationError(
        'ccm',
        'this operation needs a client of Cloud Certificate Manager (the scm endpoint)',
      );
    return ccmApi;
  };
  const text = (result: { data?: unknown; error?: unknown }) =>
    typeof result.data === 'string' ? result.data : typeof result.error === 'string' ? result.error : '';
  const live_ = liveOperations as unknown as Table;
  const ccm_ = ccmOperations as unknown as Table;
  const path = async () => ({ project_id: await live.resolveProjectId() });
  return {
    async showDomain({ signal, ...query }) {
      checkRequest(live_, 'ShowDomain', query, undefined);
      const result = await liveApi.GET('/v1/{project_id}/domain', {
        params: { path: await path(), query },
        signal: signal ?? null,
        parseAs: 'text',
      });
      return checkAnswer(live_, 'ShowDomain', result.response, text(result));
    },
    async showCertificateInfo({ signal, ...query }) {
      checkRequest(live_, 'ShowCertificateInfo', query, undefined);
      const result = await liveApi.GET('/v2/{project_id}/certificates', {
        params: { path: await path(), query },
        signal: signal ?? null,
        parseAs: 'text',
      });
      return checkAnswer(live_, 'ShowCertificateInfo', result.response, text(result));
    },
    async importCertificate({ signal, body }) {
      checkRequest(ccm_, 'ImportCertificate', {}, body);
      const result = await needCcm().POST('/v3/scm/certificates/import', {
        body,
        signal: signal ?? null,
        parseAs: 'text',
      });
      return checkAnswer(ccm_, 'ImportCertificate', result.response, text(result));
    },
    async listCertificates({ signal, ...query }) {
      checkRequest(ccm_, 'ListCertificates', query, undefined);
      const result = await needCcm().GET('/v3/scm/certificates', {
        params: { query },
        signal: signal ?? null,
        parseAs: 'text',
      });
      return checkAnswer(ccm_, 'ListCertificates', result.response, text(result));
    },
  };
}
