// Writes, for every spec document listed in redocly.yaml, generated/validators/<api>/<operationId>.ts
// (standalone Ajv validators of the operation's parameters, request body and response bodies) and
// generated/validators/<api>.ts (a loader per operation); then generated/sensitive-fields.ts, the
// fields and headers they mark `x-sensitive: true`, generated/operations.ts, the one table of
// every operation, and generated/client-methods.ts, the part of it a client needs when it is made
// (see scripts/lib/operations-table.mjs).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { clientMethodsSource, operationsTableSource } from './lib/operations-table.mjs';
import { SENSITIVE_OUTPUT, sensitiveSource } from './lib/sensitive.mjs';
import { CLIENT_METHODS, OPERATIONS_TABLE, specDocuments } from './lib/spec-documents.mjs';
import { VALIDATOR_TYPES, validatorsSources, validatorTypesSource } from './lib/validators.mjs';

const root = process.cwd();
const parsed = [];
const documents = [];
mkdirSync(dirname(join(root, VALIDATOR_TYPES)), { recursive: true });
writeFileSync(join(root, VALIDATOR_TYPES), validatorTypesSource());
for (const doc of specDocuments(root)) {
  const spec = parse(readFileSync(join(root, doc.root), 'utf8'));
  parsed.push({ name: doc.name, specPath: doc.root, spec });
  documents.push({ doc, spec });
  const out = join(root, doc.validators);
  const folder = basename(doc.validators).replace(/\.ts$/, '');
  const typesImport = `./${relative(dirname(doc.validators), VALIDATOR_TYPES).replace(/\.ts$/, '.js')}`;
  const { index, modules } = validatorsSources(spec, { name: doc.name, specPath: doc.root, folder, typesImport });
  // The folder is rewritten whole: an operation gone from the spec leaves no module behind.
  const dir = join(dirname(out), folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, source] of Object.entries(modules)) writeFileSync(join(dir, file), source);
  writeFileSync(out, index);
  console.log(`${doc.root} -> ${doc.validators} + ${relative(root, dir)}/ (${Object.keys(modules).length} modules)`);
}
writeFileSync(join(root, SENSITIVE_OUTPUT), sensitiveSource(parsed));
console.log(`x-sensitive marks -> ${SENSITIVE_OUTPUT}`);
writeFileSync(join(root, OPERATIONS_TABLE), operationsTableSource(documents));
console.log(`every operation -> ${OPERATIONS_TABLE}`);
writeFileSync(join(root, CLIENT_METHODS), clientMethodsSource(documents));
console.log(`services and client methods -> ${CLIENT_METHODS}`);
