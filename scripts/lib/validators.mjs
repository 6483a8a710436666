// Writes standalone validators (Ajv's code generation) for every operation of one OpenAPI 3.0
// document: the path, query and header parameters and the JSON body of each request, and the body
// of each documented response. The output needs no Ajv at run time.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
// Keywords that do not validate: left out of what Ajv compiles, so the generated module does not
// carry the spec's prose (Ajv keeps some schema objects in its output).
const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'default',
  'xml',
  'externalDocs',
  'discriminator',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

function resolve(spec, node) {
  let seen = 0;
  while (node && typeof node.$ref === 'string') {
    if (++seen > 20) throw new Error(`$ref loop at ${node.$ref}`);
    const pointer = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    node = pointer.reduce((n, key) => n?.[key], spec);
    if (node === undefined) throw new Error(`unresolved $ref in the spec: ${pointer.join('/')}`);
  }
  return node;
}

// Component schema refs point into one shared schema, so each component is compiled once.
function rewriteRefs(schema, sharedId) {
  if (Array.isArray(schema)) return schema.map((s) => rewriteRefs(s, sharedId));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = value.match(/^#\/components\/schemas\/(.+)$/)?.[1];
      if (!name) throw new Error(`only #/components/schemas refs are supported inside schemas, got ${value}`);
      out.$ref = `${sharedId}#/definitions/${name}`;
    } else if (key === 'properties' && value && typeof value === 'object') {
      // property names are data, not keywords
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteRefs(v, sharedId)]));
    } else {
      out[key] = rewriteRefs(value, sharedId);
    }
  }
  return out;
}

function parametersSchema(spec, parameters, location, sharedId) {
  const chosen = parameters.filter((p) => p.in === location);
  if (!chosen.length) return undefined;
  const properties = {};
  const required = [];
  for (const p of chosen) {
    // Header names are case-insensitive on the wire; the client hands them in as the spec spells them.
    properties[p.name] = rewriteRefs(p.schema ?? {}, sharedId);
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

function jsonSchemaOf(spec, content, sharedId) {
  const media = content?.['application/json'];
  return media?.schema ? rewriteRefs(media.schema, sharedId) : undefined;
}

/** The operations of a document and the schema of every validated part. */
export function operationsOf(spec, sharedId) {
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const shared = (item.parameters ?? []).map((p) => resolve(spec, p));
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const own = (op.parameters ?? []).map((p) => resolve(spec, p));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const requestBody = op.requestBody ? resolve(spec, op.requestBody) : undefined;
      const responses = {};
      // Statuses whose documented body may also be absent (x-body-optional: an empty body is success too).
      const optionalBody = [];
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const resolved = resolve(spec, response);
        responses[status] = resolved.content ? (jsonSchemaOf(spec, resolved.content, sharedId) ?? 'other') : 'empty';
        if (resolved['x-body-optional'] === true) optionalBody.push(status);
      }
      operations.push({
        id: op.operationId,
        method,
        path,
        request: {
          path: parametersSchema(spec, parameters, 'path', sharedId),
          query: parametersSchema(spec, parameters, 'query', sharedId),
          header: parametersSchema(spec, parameters, 'header', sharedId),
          body: requestBody ? jsonSchemaOf(spec, requestBody.content, sharedId) : undefined,
        },
        bodyRequired: Boolean(requestBody?.required),
        responses,
        optionalBody,
      });
    }
  }
  return operations;
}

/** The types every validators module uses (generated/validators/validator.ts). */
export const VALIDATOR_TYPES = 'generated/validators/validator.ts';
export function validatorTypesSource() {
  return [
    '// Generated by `npm run generate`. Never edit by hand.',
    '// The shape of the generated validators, shared by the module of every operation.',
    '',
    '/** A generated validator: true when the value conforms; otherwise `errors` says why. */',
    'export interface Validator {',
    '  (data: unknown): boolean;',
    '  errors?: ValidatorError[] | null;',
    '}',
    'export interface ValidatorError {',
    '  instancePath: string;',
    '  schemaPath: string;',
    '  keyword: string;',
    '  params: Record<string, unknown>;',
    '  message?: string;',
    '}',
    'export interface OperationValidators {',
    '  method: string;',
    '  path: string;',
    '  request: { path?: Validator; query?: Validator; header?: Validator; body?: Validator };',
    '  bodyRequired: boolean;',
    "  /** Per documented status: the body's validator, 'empty' when the spec gives no content, 'other' for a non-JSON one. */",
    "  responses: Record<string, Validator | 'empty' | 'other'>;",
    '  /** Statuses whose documented JSON body may also be absent (x-body-optional in the spec). */',
    '  optionalBody: readonly string[];',
    '}',
    '',
  ].join('\n');
}

function newAjv(spec, sharedId) {
  const ajv = new Ajv({
    code: { source: true, esm: true, lines: true, optimize: true },
    // The problems are worded by src/internal/schema-problems.ts, not by Ajv's messages.
    messages: false,
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  });
  ajv.addSchema({ $id: sharedId, definitions: rewriteRefs(spec.components?.schemas ?? {}, sharedId) });
  return ajv;
}

// Ajv's standalone output for the schemas added as v0, v1, ...: only the functions they reach, so
// each operation's module holds the component schemas that operation uses and no others.
function standalone(ajv, exportNames) {
  let code = standaloneCode(ajv, exportNames);
  // Ajv's runtime helper for string lengths in code points would be `require`d from ajv; the
  // generated module carries its own copy instead, so it needs nothing at run time.
  const helper = /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;?/g;
  code = code.replace(
    helper,
    (_all, local) => `const ${local} = ${ucs2length.default.toString().replace(/^function ucs2length/, 'function')};`,
  );
  if (/require\(/.test(code)) throw new Error('the generated validators still require() a runtime module');
  // Ajv exports each validator; only the table below is public.
  code = code.replace(/^export const (v\d+) = (\w+);$/gm, 'const $1 = $2;');
  return code.replace(/^"use strict";/, '').trim();
}

/** The TypeScript source of the validators of one operation: `export const validators`. */
function operationSource(spec, op, { specPath, sharedId, typesImport }) {
  const ajv = newAjv(spec, sharedId);
  const exportNames = {};
  const known = new Map();
  // Identical schemas (the error body of every status) compile once.
  const add = (schema) => {
    const text = JSON.stringify(schema);
    if (known.has(text)) return known.get(text);
    const id = `v${known.size}`;
    known.set(text, id);
    ajv.addSchema(schema, id);
    exportNames[id] = id;
    return id;
  };
  const request = {};
  for (const part of ['path', 'query', 'header', 'body']) if (op.request[part]) request[part] = add(op.request[part]);
  const responses = {};
  for (const [status, schema] of Object.entries(op.responses)) {
    responses[status] = typeof schema === 'string' ? JSON.stringify(schema) : add(schema);
  }
  const lines = [];
  lines.push(
    `// Generated by \`npm run generate\` from ${op.id} of ${specPath} (Ajv standalone code). Never edit by hand.`,
  );
  lines.push('/* eslint-disable */');
  lines.push('// @ts-nocheck');
  lines.push(`import type { OperationValidators, Validator } from '${typesImport}';`);
  if (Object.keys(exportNames).length) lines.push(standalone(ajv, exportNames));
  lines.push('');
  lines.push(`/** The validators of ${op.id}: its request parts and its documented response bodies. */`);
  lines.push('export const validators = {');
  lines.push(`  method: ${JSON.stringify(op.method)},`);
  lines.push(`  path: ${JSON.stringify(op.path)},`);
  lines.push(
    `  request: { ${Object.entries(request)
      .map(([k, v]) => `${k}: ${v} as Validator`)
      .join(', ')} },`,
  );
  lines.push(`  bodyRequired: ${op.bodyRequired},`);
  lines.push(
    `  responses: { ${Object.entries(responses)
      .map(([k, v]) => `${JSON.stringify(k)}: ${v.startsWith('"') ? `${v} as const` : `${v} as Validator`}`)
      .join(', ')} },`,
  );
  lines.push(`  optionalBody: ${JSON.stringify(op.optionalBody)},`);
  lines.push('} satisfies OperationValidators;');
  lines.push('');
  return lines.join('\n');
}

/**
 * The TypeScript source of the validators of the document's shared parameters
 * (`components.parameters`), each checking `{ [name]: value }`: small and synchronous, for the
 * checks a client makes when it is created (the project id), before any operation is loaded.
 */
function parametersSource(spec, { specPath, sharedId, typesImport }) {
  const shared = Object.entries(spec.components?.parameters ?? {});
  if (!shared.length) return undefined;
  const ajv = newAjv(spec, sharedId);
  const exportNames = {};
  const table = [];
  const named = [];
  for (const [key, parameter] of shared) {
    const id = `v${table.length}`;
    ajv.addSchema(parametersSchema(spec, [parameter], parameter.in, sharedId), id);
    exportNames[id] = id;
    table.push(`  ${JSON.stringify(key)}: ${id} as Validator,`);
    if (/^[A-Za-z_$][\w$]*$/.test(key)) named.push(`export const ${key} = ${id} as Validator;`);
  }
  return [
    `// Generated by \`npm run generate\` from components.parameters of ${specPath} (Ajv standalone code). Never edit by hand.`,
    '/* eslint-disable */',
    '// @ts-nocheck',
    `import type { Validator } from '${typesImport}';`,
    standalone(ajv, exportNames),
    '',
    '// Each one also on its own: a bundle that imports one by name carries no other (the table holds them all).',
    ...named,
    '',
    '/** The validator of each shared parameter, by its components.parameters key: it checks `{ [name]: value }`. */',
    'export const parameters = {',
    ...table,
    '};',
    '',
  ].join('\n');
}

/**
 * The validators of one spec document: one module per operation (`modules`, by file name, for the
 * folder named after the document's module) and the document's module (`index`), a table of
 * loaders. Each operation's validators are loaded when the client first calls it, so a program
 * carries and parses the validators of the operations it calls and no others.
 */
export function validatorsSources(spec, { name, specPath, folder, typesImport }) {
  if (!/^3\.0\./.test(spec.openapi ?? ''))
    throw new Error(`${specPath}: only OpenAPI 3.0.x is supported (got ${spec.openapi})`);
  const sharedId = `${name}-components`;
  const operations = operationsOf(spec, sharedId);
  const up = (path) => `../${path.replace(/^\.\//, '')}`;
  const modules = {};
  const parameters = parametersSource(spec, { specPath, sharedId, typesImport: up(typesImport) });
  if (parameters) modules['parameters.ts'] = parameters;
  for (const op of operations) {
    if (op.id === 'parameters') throw new Error(`${specPath}: the operationId "parameters" is reserved`);
    modules[`${op.id}.ts`] = operationSource(spec, op, { specPath, sharedId, typesImport: up(typesImport) });
  }
  const lines = [];
  lines.push(`// Generated by \`npm run generate\` from ${specPath}. Never edit by hand.`);
  lines.push(`// One loader per operation: ${folder}/<operationId>.ts holds its validators (Ajv standalone code),`);
  lines.push('// loaded on first use so that a bundle or a process carries only those of the operations it calls.');
  lines.push(`import type { OperationValidators } from '${typesImport}';`);
  lines.push(`export type { OperationValidators, Validator, ValidatorError } from '${typesImport}';`);
  lines.push('');
  lines.push('export const operations = {');
  for (const op of operations) {
    lines.push(
      `  ${op.id}: (): Promise<OperationValidators> => import('./${folder}/${op.id}.js').then((m) => m.validators),`,
    );
  }
  lines.push('};');
  lines.push('');
  return { index: lines.join('\n'), modules };
}
