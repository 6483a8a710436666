// The project id of a region, looked up when none is given, as Huawei's SDKs do: IAM's
// KeystoneListProjects (`GET {iam}/v3/projects?name={region}`) signed with the AK/SK. One
// answer per access key, region and IAM endpoint for the life of the process; concurrent
// lookups share one request; a failed lookup is not kept.
import type { components } from '../../generated/iam-projects.js';
import { validators as keystoneListProjects } from '../../generated/validators/iam-projects/KeystoneListProjects.js';
import { ConfigurationError, LiveApiError } from '../errors.js';
import { problemsFrom } from '../internal/schema-problems.js';
import { serverText } from '../internal/server-text.js';
import { attemptsOf } from '../internal/attempts.js';
import type { Transport } from '../transport/transport-types.js';

export interface ProjectLookup {
  accessKey: string;
  region: string;
  /** Base URL of IAM, e.g. https://iam.cn-north-4.myhuaweicloud.com. */
  iamEndpoint: string;
  /** A transport that signs with the same credentials (and sends no X-Project-Id). */
  transport: Transport;
  secrets: readonly string[];
}

const found = new Map<string, Promise<string>>();

/** The IAM endpoint of a region when none is configured. */
export function regionIamEndpoint(region: string): string {
  return `https://iam.${region}.myhuaweicloud.com`;
}

export function lookupProjectId(lookup: ProjectLookup): Promise<string> {
  const key = `${lookup.accessKey}\n${lookup.region}\n${lookup.iamEndpoint}`;
  let pending = found.get(key);
  if (!pending) {
    pending = listProjects(lookup);
    found.set(key, pending);
    pending.catch(() => found.delete(key));
  }
  return pending;
}

/** Forgets every looked-up project id (tests; a process that changed accounts). */
export function clearProjectIdCache(): void {
  found.clear();
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

async function listProjects({ region, iamEndpoint, transport, secrets }: ProjectLookup): Promise<string> {
  const url = `${iamEndpoint}/v3/projects?name=${encodeURIComponent(region)}`;
  const response = await transport.call(
    url,
    { method: 'GET', headers: { accept: 'application/json' } },
    { operation: 'KeystoneListProjects' },
  );
  const body = await readJson(response);
  const traceHeader = response.headers.get('x-iam-trace-id') ?? response.headers.get('x-request-id');
  const traceId = traceHeader === null ? undefined : serverText(traceHeader, secrets, 128);
  const trace = `X-IAM-Trace-Id=${traceId ?? 'none'}`;
  if (!response.ok) {
    // IAM's Keystone errors are { error: { code, message } }; the gateway's { error_code, error_msg }.
    const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const inner =
      typeof object['error'] === 'object' && object['error'] !== null
        ? (object['error'] as Record<string, unknown>)
        : {};
    const pick = (...values: unknown[]) =>
      values.find((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    const code = pick(object['error_code'], inner['code']);
    const message = pick(object['error_msg'], inner['message']);
    throw new LiveApiError({
      status: response.status,
      errorCode: code === undefined ? undefined : serverText(String(code), secrets, 128),
      errorMsg: message === undefined ? undefined : serverText(String(message), secrets, 512),
      requestId: traceId,
      operation: 'KeystoneListProjects',
      attempts: attemptsOf(response),
      body: serverText(typeof body === 'string' ? body : (JSON.stringify(body) ?? ''), secrets, 2048),
    });
  }
  // Only an answer the spec vouches for (project ids of 32 hex digits among them) is used.
  const isProjectList = keystoneListProjects.responses['200'];
  if (!isProjectList(body)) {
    const [why] = problemsFrom(isProjectList.errors, body);
    const detail = why ? serverText(`${why.field} ${why.message}`, secrets, 200) : 'unexpected shape';
    throw new ConfigurationError(
      'projectId',
      `IAM answered the project lookup for region "${region}" with something that is not a project list (${detail}; ${trace}); give the project id explicitly`,
    );
  }
  const { projects } = body as components['schemas']['ProjectList'];
  const ids = projects.map((p) => p.id);
  if (ids.length === 0) {
    throw new ConfigurationError(
      'projectId',
      `no project named "${region}" in this account (${trace}); check the region, or give the project id explicitly (projectId / --project-id / HUAWEICLOUD_SDK_PROJECT_ID)`,
    );
  }
  if (ids.length > 1) {
    throw new ConfigurationError(
      'projectId',
      `several projects match region "${region}": ${ids.join(', ')} (${trace}); choose one and give it explicitly (projectId / --project-id / HUAWEICLOUD_SDK_PROJECT_ID)`,
    );
  }
  return ids[0]!;
}
