// `npm run contract:proxy -- --upstream URL --domain D [--operations show,update,delete]
// [--body update.json] [--project-id ID] [--json]`: checks a real server against the spec. The
// client's requests go through `prism proxy --errors` in front of the upstream; every violation
// Prism finds, in the request or in the upstream's response, is reported, and the command exits 1;
// an upstream that gives no answer is reported as "no answer" (exit 1 too), not as a violation.
// Credentials come from the environment, as for the CLI (HUAWEICLOUD_SDK_AK / _SK, optional
// _SECURITY_TOKEN, or HUAWEICLOUD_SDK_AUTH_TOKEN; HUAWEICLOUD_SDK_PROJECT_ID). Only show runs by
// default: update and delete change the domain and run only when named.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { secretsOf } from '../src/auth/credentials.js';
import { credentialsFrom } from '../src/cli/settings.js';
import { createLiveClient, LiveError, type DomainHttpsCertInfo } from '../src/index.js';
import { serverText } from '../src/internal/server-text.js';
import { operations as specOperations } from '../generated/validators/live.js';
import { startPrism } from './lib/prism.js';

interface Violation {
  location?: string[];
  code?: string | number;
  message?: string;
}
interface Outcome {
  operation: string;
  status: number | undefined;
  /** false when the upstream gave no answer: nothing about the spec was learnt. */
  answered: boolean;
  violations: Violation[];
  /** Why there was no answer (connection refused or closed, as Prism's forwarder saw it). */
  noAnswer?: string;
  error?: string;
}
interface Seen {
  status: number | undefined;
  violations: Violation[];
  noAnswer?: string;
}

const usage =
  'usage: npm run contract:proxy -- --upstream URL --domain D [--operations show,update,delete] [--body FILE] [--project-id ID] [--json]';
let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      upstream: { type: 'string' },
      domain: { type: 'string' },
      operations: { type: 'string', default: 'show' },
      body: { type: 'string' },
      'project-id': { type: 'string' },
      json: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const upstream = values['upstream'] as string | undefined;
const domain = values['domain'] as string | undefined;
const operations = String(values['operations'])
  .split(',')
  .map((o) => o.trim());
const projectId = (values['project-id'] as string | undefined) ?? process.env['HUAWEICLOUD_SDK_PROJECT_ID'];
if (
  !upstream ||
  !domain ||
  !projectId ||
  operations.some((o) => !['show', 'update', 'delete'].includes(o)) ||
  (operations.includes('update') && !values['body'])
) {
  console.error(
    `${usage}\n(--project-id or HUAWEICLOUD_SDK_PROJECT_ID is needed; update needs --body, a JSON DomainHttpsCertInfo)`,
  );
  process.exit(2);
}

const prism = await startPrism({ proxyTo: upstream });
const outcomes: Outcome[] = [];
try {
  const proxy = new URL(prism.url);
  let last: Seen | undefined;
  // The client signs for the upstream's host; the request itself goes to Prism, which forwards it
  // with the upstream's Host, so a signature checked by the upstream stays valid.
  const throughPrism = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    url.protocol = proxy.protocol;
    url.host = proxy.host;
    // The body as bytes (not a stream), so it goes with a Content-Length as the client sent it.
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
      redirect: 'manual',
    });
    const header = response.headers.get('sl-violations');
    let violations = header ? (JSON.parse(header) as Violation[]) : [];
    // OpenAPI 3.0 cannot say "this JSON body may be absent"; the spec says it with x-body-optional
    // (update and delete), so Prism's complaint about such an empty answer is not a violation.
    const optional = (await Promise.all(Object.values(specOperations).map((load) => load()))).some(
      (o) =>
        o.method === request.method.toLowerCase() &&
        (o.optionalBody as readonly string[]).includes(String(response.status)),
    );
    if (optional && (await response.clone().arrayBuffer()).byteLength === 0)
      violations = violations.filter((v) => v.location?.[0] !== 'response');
    const seen: Seen = { status: response.status, violations };
    last = seen;
    // A response Prism refused (--errors) arrives as its own problem document.
    if (response.headers.get('content-type')?.includes('application/problem+json')) {
      const problem = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { type?: string; title?: string; detail?: string; validation?: Violation[] };
      // Prism's forwarder (node-fetch) could not reach the upstream or got no answer from it:
      // that is no answer, not a violation of the spec.
      if (problem.type === 'FetchError') {
        last = { status: undefined, violations: [], noAnswer: serverText(problem.title ?? 'no answer', [], 300) };
        return response;
      }
      seen.violations.push(
        ...(problem.validation ?? [{ message: `${problem.title ?? 'Prism refused'}: ${problem.detail ?? ''}` }]),
      );
    }
    return response;
  };
  const credentials = credentialsFrom(process.env);
  const live = createLiveClient({ projectId, endpoint: upstream, credentials, fetch: throughPrism, retries: 0 });
  const secrets = secretsOf(credentials);
  for (const operation of operations) {
    last = undefined;
    let error: string | undefined;
    try {
      if (operation === 'show') await live.showDomainHttpsCert({ domain });
      if (operation === 'update')
        await live.updateDomainHttpsCert({
          domain,
          body: JSON.parse(readFileSync(String(values['body']), 'utf8')) as DomainHttpsCertInfo,
        });
      if (operation === 'delete') await live.deleteDomainHttpsCert({ domain });
    } catch (e) {
      error = serverText(e instanceof LiveError ? e.message : String(e), secrets, 500);
    }
    const seen = last as Seen | undefined;
    const status = seen?.status;
    outcomes.push({
      operation,
      status,
      answered: status !== undefined,
      violations: seen?.violations ?? [],
      ...(status === undefined ? { noAnswer: seen?.noAnswer ?? error ?? 'no answer' } : {}),
      ...(error ? { error } : {}),
    });
  }
} finally {
  await prism.stop();
}

// No answer at all (the upstream unreachable, a timeout) is no evidence of conformance either,
// but it is no violation: it is reported as what it is.
const violating = outcomes.filter((o) => o.violations.length > 0);
const unanswered = outcomes.filter((o) => !o.answered);
const failed = violating.length + unanswered.length;
if (values['json']) {
  process.stdout.write(`${JSON.stringify({ upstream, conforms: failed === 0, outcomes }, null, 2)}\n`);
} else {
  for (const o of outcomes) {
    console.log(
      !o.answered
        ? `${o.operation}: no answer from the upstream (${o.noAnswer})`
        : `${o.operation}: HTTP ${o.status}, ${o.violations.length ? `${o.violations.length} violation(s)` : 'conforms'}${o.error ? ` (client: ${o.error})` : ''}`,
    );
    for (const v of o.violations)
      console.log(`  ${(v.location ?? []).join('.')}: ${serverText(String(v.message ?? v.code ?? ''), [], 300)}`);
  }
  if (violating.length)
    console.log(`contract:proxy: ${upstream} violates the spec (${violating.length} of ${outcomes.length} operations)`);
  if (unanswered.length)
    console.log(
      `contract:proxy: ${upstream} did not answer (${unanswered.length} of ${outcomes.length} operations): nothing was checked`,
    );
  if (!failed) console.log(`contract:proxy: ${upstream} conforms to the spec on ${outcomes.length} operation(s)`);
}
process.exit(failed ? 1 : 0);
