// What Prism must answer for each documented status, taken from the spec's own examples.
import { spec } from './spec.js';

const responses = spec.components.responses;
const refName = (ref: string) => ref.split('/').pop() as string;

export interface ExpectedError {
  error_code: string;
  error_msg: string;
}

/** The first example of the error response an operation documents for a status. */
export function expectedError(method: 'put' | 'get' | 'delete', status: number): ExpectedError {
  const response = spec.paths['/v1/{project_id}/guard/https-cert'][method].responses[String(status)];
  const resolved = response.$ref ? responses[refName(response.$ref)] : response;
  const examples = resolved.content['application/json'].examples;
  return (Object.values(examples)[0] as { value: ExpectedError }).value;
}

export const EXAMPLE_REQUEST_ID: string = spec.components.headers.XRequestId.example;
export const SHOW_EXAMPLE = (
  Object.values(
    spec.paths['/v1/{project_id}/guard/https-cert'].get.responses['200'].content['application/json'].examples,
  )[0] as {
    value: unknown;
  }
).value;
export const PAGE_REQUEST_EXAMPLE = spec.paths['/v1/{project_id}/guard/https-cert'].put.requestBody.content[
  'application/json'
].examples.page.value as {
  certificate_format: 'PEM';
  certificate: string;
  certificate_key: string;
  force_redirect: boolean;
};
