// The types of the client's methods, derived from the generated operations table
// (generated/operations.ts) and the openapi-typescript types of each operation: an operation added
// to the spec becomes a typed method after `npm run generate`, with no edit here.
import type { ClientOperationId, ClientOperationTypes, clientOperations } from '../generated/operations.js';

/** The client sets these itself: the project, and the headers of authentication. */
type AuthHeader = 'X-Auth-Token' | 'X-Sdk-Date' | 'X-Project-Id' | 'X-Security-Token' | 'Authorization';

type Part<O, K extends string> = O extends { parameters: { [P in K]: infer Q } }
  ? Q
  : O extends { parameters: { [P in K]?: infer Q } }
    ? NonNullable<Q>
    : unknown;
type PathOf<O> = [Part<O, 'path'>] extends [never] ? unknown : Omit<Part<O, 'path'>, 'project_id'>;
type QueryOf<O> = [Part<O, 'query'>] extends [never] ? unknown : Part<O, 'query'>;
type HeadersOf<O> = Omit<Part<O, 'header'>, AuthHeader>;
type JsonBody<O> = O extends { requestBody?: infer R }
  ? NonNullable<R> extends { content: { 'application/json': infer B } }
    ? B
    : never
  : never;
type BodyOf<O> = [JsonBody<O>] extends [never]
  ? unknown
  : O extends { requestBody: object }
    ? { body: JsonBody<O> }
    : { body?: JsonBody<O> };

/** What every call takes besides the spec's parameters. */
export interface CallControls {
  signal?: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout for this call. */
  timeoutMs?: number | undefined;
}

/**
 * The options of an operation, straight from its generated type: its path parameters other than
 * `project_id` and its query parameters at the top level, its non-auth header parameters under
 * `headers`, its JSON body under `body`, and the call controls.
 */
export type OperationOptions<O> = PathOf<O> &
  QueryOf<O> &
  BodyOf<O> &
  CallControls &
  ([keyof HeadersOf<O>] extends [never] ? unknown : { headers?: HeadersOf<O> });

/** What a call answers when the spec documents no JSON body for its success. */
export interface CallResult {
  /** The X-Request-Id of the response, to quote to support. */
  requestId: string | undefined;
  /**
   * The text of a non-JSON body the spec documents; or the JSON object of an answer whose body is
   * optional and undocumented (update and delete may answer `{}`: nothing should rely on its
   * fields). Absent for an empty answer.
   */
  body?: string | Record<string, unknown>;
}

type Success<Id extends ClientOperationId> = (typeof clientOperations)[Id]['success']['status'];
type SuccessResponse<Id extends ClientOperationId> = ClientOperationTypes[Id]['responses'][Success<Id> &
  keyof ClientOperationTypes[Id]['responses']];

/** The options of a client operation. */
export type OptionsOf<Id extends ClientOperationId> = OperationOptions<ClientOperationTypes[Id]>;
/** What a client operation resolves with: its typed 2xx JSON body, else a CallResult. */
export type ResultOf<Id extends ClientOperationId> = (typeof clientOperations)[Id]['success']['json'] extends true
  ? SuccessResponse<Id> extends { content: { 'application/json': infer R } }
    ? R
    : CallResult
  : CallResult;

/** One method per client operation, named by its operationId in lowerCamelCase. */
export type LiveMethods = {
  [Id in ClientOperationId as (typeof clientOperations)[Id]['methodName']]: (
    options: OptionsOf<Id>,
  ) => Promise<ResultOf<Id>>;
};
