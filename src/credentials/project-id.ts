// The project id of a region, looked up when none is given, as Huawei's SDKs do: IAM's
// KeystoneListProjects (`GET {iam}/v3/projects?name={region}`) signed with the AK/SK. One
// answer per access key, region and IAM endpoint for the life of the process; concurrent
// lookups share one request; a failed lookup is not kept.
import type { components } from '../../generated/iam-projects.js';
import { validators as keystoneListProjects } from '../../generated/validators/iam-projects/KeystoneListProjects.js';
import { ConfigurationError } from '../errors.js';
import { problemsFrom } from '../internal/schema-problems.js';
import { serverText } from '../internal/server-text.js';
import type { Transport } from '../transport/transport-types.js';
import { readIamAnswer } from './iam-answer.js';

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

async function listProjects({ region, iamEndpoint, transport, secrets }: ProjectLookup): Promise<string> {
  const url = `${iamEndpoint}/v3/projects?name=${encodeURIComponent(region)}`;
  const response = await transport.call(
    url,
    { method: 'GET', headers: { accept: 'application/json' } },
    { operation: 'KeystoneListProjects' },
  );
  const { body, trace } = await readIamAnswer(response, 'KeystoneListProjects', secrets);
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
