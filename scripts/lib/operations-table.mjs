// Writes the source of generated/operations.ts: one table of every operation of every spec document
// listed in redocly.yaml (operationId, method, path, parameters by place, request body schema,
// successful answer, service), so that an operation added to the spec becomes a typed client
// method after `npm run generate && npm run build`, with no edit in src/.
//
// A document whose operations become client methods names its service at the top level:
//   x-service:
//     name: live                                       # HUAWEICLOUD_SDK_REGION_LIVE_<REGION> overrides
//     endpoint: https://live.{region}.myhuaweicloud.com  # optional; else servers[0].url
//     global: true        # optional: a global service, signed with the account id (X-Domain-Id)
//                         # instead of the project's (X-Project-Id), as the SDKs' GlobalCredentials
// Its regions are the enum of that server's `region` variable. Documents without x-service (IAM,
// the metadata service) are called by the library itself; their operation ids join OperationId.
import { relative } from 'node:path';
import { operationsOf } from './validators.mjs';

function resolve(spec, node) {
  let seen = 0;
  while (node && typeof node.$ref === 'string') {
    if (++seen > 20) throw new Error(`$ref loop at ${node.$ref}`);
    const pointer = node.$ref.replace(/^#\//, '').split('/');
    node = pointer.reduce((n, key) => n?.[key], spec);
  }
  return node;
}

/** `ShowDomain` -> `showDomain`, `list_projects` -> `listProjects`. */
export function methodName(operationId) {
  const words = operationId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w[0].toLowerCase() : w[0].toUpperCase()) + w.slice(1)).join('');
}

/** The header names a document's security schemes put on a request: the client sets those. */
function authHeaders(spec) {
  return Object.values(spec.components?.securitySchemes ?? {})
    .filter((s) => s.type === 'apiKey' && s.in === 'header')
    .map((s) => s.name.toLowerCase());
}

function serviceOf(spec, specPath) {
  const service = spec['x-service'];
  if (service === undefined) return undefined;
  if (!service || typeof service.name !== 'string' || !/^[a-z][a-z0-9]*$/.test(service.name)) {
    throw new Error(`${specPath}: x-service.name must be a lowercase word (it names HUAWEICLOUD_SDK_REGION_<NAME>_*)`);
  }
  const server = spec.servers?.[0];
  const endpoint = service.endpoint ?? server?.url;
  if (typeof endpoint !== 'string' || !/^https?:\/\/[^/]*\{region\}/.test(endpoint)) {
    throw new Error(
      `${specPath}: x-service needs an endpoint with {region} in its host (x-service.endpoint or servers[0].url)`,
    );
  }
  const regions = server?.variables?.region?.enum ?? [];
  if (service.global !== undefined && typeof service.global !== 'boolean')
    throw new Error(`${specPath}: x-service.global must be true or false`);
  return { name: service.name, endpoint, regions, global: service.global === true };
}

function successOf(spec, op, specPath, id) {
  const statuses = Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
  const answers = statuses.map((status) => {
    const response = resolve(spec, op.responses[status]);
    // x-body-optional: a JSON body that may be absent and documents nothing to rely on (an
    // acknowledgement such as `{}`); the call then resolves with a CallResult that keeps it as `body`.
    const optional = response['x-body-optional'] === true;
    return { status: Number(status), json: response.content?.['application/json']?.schema !== undefined && !optional };
  });
  // Several 2xx answers are fine when none has a body to rely on (delete: 204, or 200 with `{}`).
  if (answers.length === 0 || (answers.length > 1 && answers.some((a) => a.json)))
    throw new Error(
      `${specPath}: ${id} must document exactly one 2xx answer (or several without a JSON body to rely on), got ${answers.length}`,
    );
  return answers[0];
}

const importPath = (from, to) => `./${relative(from, to).replace(/\.ts$/, '.js')}`;

/** The rows of every client operation, the services and every operation id of the documents. */
function collect(documents) {
  const rows = [];
  const services = new Map();
  const allIds = [];
  const methods = new Map();
  const imports = [];
  for (const { doc, spec } of documents) {
    const service = serviceOf(spec, doc.root);
    for (const op of operationsOf(spec, 'unused')) allIds.push(op.id);
    if (!service) continue;
    if (services.has(service.name)) throw new Error(`${doc.root}: service "${service.name}" is named twice`);
    services.set(service.name, service);
    const alias = `${doc.name.replace(/[^A-Za-z0-9]/g, '_')}`;
    imports.push(`import type { operations as ${alias}Types } from '${importPath('generated', doc.types)}';`);
    imports.push(`import { operations as ${alias}Validators } from '${importPath('generated', doc.validators)}';`);
    const auth = authHeaders(spec);
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      const shared = (item.parameters ?? []).map((p) => resolve(spec, p));
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        const op = item[method];
        if (!op) continue;
        const own = (op.parameters ?? []).map((p) => resolve(spec, p));
        const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
        const names = (place) => parameters.filter((p) => p.in === place).map((p) => p.name);
        const body = op.requestBody ? resolve(spec, op.requestBody) : undefined;
        const bodyRef = body?.content?.['application/json']?.schema?.$ref;
        const name = methodName(op.operationId);
        if (methods.has(name))
          throw new Error(`${doc.root}: ${op.operationId} and ${methods.get(name)} both make ${name}()`);
        methods.set(name, op.operationId);
        const options = [...names('path').filter((n) => n !== 'project_id'), ...names('query')];
        for (const reserved of ['headers', 'body', 'signal', 'timeoutMs']) {
          if (options.includes(reserved))
            throw new Error(
              `${doc.root}: ${op.operationId}: a parameter named "${reserved}" collides with a call option`,
            );
        }
        rows.push({
          id: op.operationId,
          alias,
          service: service.name,
          method: method.toUpperCase(),
          path,
          methodName: name,
          pathParams: names('path'),
          query: names('query'),
          headers: names('header').filter((h) => !auth.includes(h.toLowerCase())),
          body: body ? (bodyRef ? bodyRef.replace('#/components/schemas/', '') : 'inline') : null,
          success: successOf(spec, op, doc.root, op.operationId),
        });
      }
    }
  }

  return { rows, services, allIds, imports };
}

/**
 * The TypeScript source of generated/client-methods.ts: what a client needs when it is made (the
 * services, each client operation's method name), apart from the table so that a bundle loads
 * the table (and the validators' loaders it names) with the first call, not at start.
 */
export function clientMethodsSource(documents) {
  const { rows, services } = collect(documents);
  const L = [];
  L.push('// Generated by `npm run generate` from the spec documents of redocly.yaml. Never edit by hand.');
  L.push('// What a client needs when it is made (src/client.ts, src/regions.ts): the services and the');
  L.push("// method of each client operation. The rest of each operation's row (generated/operations.ts:");
  L.push('// where it goes, what it takes, its validators) is loaded with the first call.');
  L.push('');
  L.push('/**');
  L.push(' * The services whose operations are client methods: endpoint template, known regions, and');
  L.push(' * whether the service is global (signed with the account id, X-Domain-Id, not X-Project-Id).');
  L.push(' */');
  L.push('export const services = {');
  for (const s of services.values()) {
    L.push(
      `  ${s.name}: { endpoint: ${JSON.stringify(s.endpoint)}, regions: ${JSON.stringify(s.regions)}, global: ${s.global} },`,
    );
  }
  L.push('} as const;');
  L.push('export type ServiceName = keyof typeof services;');
  L.push('');
  L.push("/** Each client operation's method: its operationId in lowerCamelCase (the table's `methodName`). */");
  L.push('export const clientMethods = {');
  for (const r of rows) L.push(`  ${r.id}: ${JSON.stringify(r.methodName)},`);
  L.push('} as const;');
  L.push('');
  return L.join('\n');
}

/** The TypeScript source of generated/operations.ts. */
export function operationsTableSource(documents) {
  const { rows, allIds, imports } = collect(documents);
  const L = [];
  L.push('// Generated by `npm run generate` from the spec documents of redocly.yaml. Never edit by hand.');
  L.push('// The operations of every document with `x-service` become client methods (src/client.ts).');
  L.push(...imports);
  L.push("export type { ServiceName } from './client-methods.js';");
  L.push('');
  L.push("/** Every operation of every spec document: the client's methods, the IAM lookup, the metadata service. */");
  L.push(`export type OperationId = ${[...new Set(allIds)].map((id) => JSON.stringify(id)).join(' | ')};`);
  L.push('');
  L.push('/**');
  L.push(' * The client operations: where each goes, what it takes, what it answers. `headers` are the');
  L.push(" * non-auth header parameters; `body` the request body's schema name, 'inline', or null for none;");
  L.push(' * `success` the one documented 2xx and whether it has a JSON body; `loadValidators` loads the');
  L.push(' * validators of its request and responses (generated/validators/<api>/<operationId>.ts) on first use.');
  L.push(' */');
  L.push('export const clientOperations = {');
  for (const r of rows) {
    L.push(`  ${r.id}: {`);
    L.push(`    service: ${JSON.stringify(r.service)},`);
    L.push(`    method: ${JSON.stringify(r.method)},`);
    L.push(`    path: ${JSON.stringify(r.path)},`);
    L.push(`    methodName: ${JSON.stringify(r.methodName)},`);
    L.push(`    pathParams: ${JSON.stringify(r.pathParams)},`);
    L.push(`    query: ${JSON.stringify(r.query)},`);
    L.push(`    headers: ${JSON.stringify(r.headers)},`);
    L.push(`    body: ${JSON.stringify(r.body)},`);
    L.push(`    success: { status: ${r.success.status}, json: ${r.success.json} },`);
    L.push(`    loadValidators: ${r.alias}Validators.${r.id},`);
    L.push('  },');
  }
  L.push('} as const;');
  L.push('export type ClientOperationId = keyof typeof clientOperations;');
  L.push('');
  L.push('/** The openapi-typescript type of each client operation. */');
  L.push('export interface ClientOperationTypes {');
  for (const r of rows) L.push(`  ${r.id}: ${r.alias}Types[${JSON.stringify(r.id)}];`);
  L.push('}');
  L.push('');
  return L.join('\n');
}
