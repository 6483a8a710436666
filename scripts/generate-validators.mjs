// Writes generated/validators/<api>.ts for every spec document listed in redocly.yaml: standalone
// Ajv validators of every operation's parameters, request body and response bodies; then
// generated/sensitive-fields.ts, the fields and headers they mark `x-sensitive: true`, and
// generated/operations.ts, the one table of every operation (see scripts/lib/operations-table.mjs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { operationsTableSource } from './lib/operations-table.mjs';
import { SENSITIVE_OUTPUT, sensitiveSource } from './lib/sensitive.mjs';
import { OPERATIONS_TABLE, specDocuments } from './lib/spec-documents.mjs';
import { validatorsSource } from './lib/validators.mjs';

const root = process.cwd();
const parsed = [];
const documents = [];
for (const doc of specDocuments(root)) {
  const spec = parse(readFileSync(join(root, doc.root), 'utf8'));
  parsed.push({ name: doc.name, specPath: doc.root, spec });
  documents.push({ doc, spec });
  const out = join(root, doc.validators);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, validatorsSource(spec, { name: doc.name, specPath: doc.root }));
  console.log(`${doc.root} -> ${doc.validators}`);
}
writeFileSync(join(root, SENSITIVE_OUTPUT), sensitiveSource(parsed));
console.log(`x-sensitive marks -> ${SENSITIVE_OUTPUT}`);
writeFileSync(join(root, OPERATIONS_TABLE), operationsTableSource(documents));
console.log(`every operation -> ${OPERATIONS_TABLE}`);
