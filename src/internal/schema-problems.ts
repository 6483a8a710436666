// Turns the errors of a generated validator into problems a person can act on: the field path,
// the limit, the value's size. oneOf/anyOf report every branch's complaint; only the branch the
// value was closest to is kept (the one whose enum, e.g. `source`, matched), so a body with
// `source: "scm"` hears about `cert_id`, not about the PEM texts of the other branch.
import type { ValidationProblem } from '../errors.js';
import type { ValidatorError } from '../../generated/validators/validator.js';
import { describe, fieldOf, valueAt } from './schema-words.js';

export { characters } from './schema-words.js';

// The branch of a oneOf/anyOf an error belongs to, and the object it was checking.
function branchOf(error: ValidatorError): { key: string; at: string } {
  const path = error.schemaPath;
  const cutAt = path.search(/\/(required|properties\/[^/]+\/[^/]+|[^/]+)$/);
  const key = cutAt >= 0 ? path.slice(0, cutAt) : path;
  const at =
    error.keyword === 'required' || !/\/properties\//.test(path.slice(cutAt))
      ? error.instancePath
      : error.instancePath.replace(/\/[^/]*$/, '');
  return { key, at };
}

/** The problems behind a validator's errors, closest branch only, each field once per rule. */
export function problemsFrom(
  errors: readonly ValidatorError[] | null | undefined,
  data: unknown,
  prefix = '',
): ValidationProblem[] {
  const seen = new Set<string>();
  const leaves = (errors ?? []).filter((e) => {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') return false;
    const id = `${e.instancePath}|${e.schemaPath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });

  // Branches competing at the same object: keep the closest (fewest enum misses, then fewest errors).
  const byObject = new Map<string, Map<string, ValidatorError[]>>();
  for (const e of leaves) {
    const { key, at } = branchOf(e);
    const branches = byObject.get(at) ?? new Map<string, ValidatorError[]>();
    branches.set(key, [...(branches.get(key) ?? []), e]);
    byObject.set(at, branches);
  }
  const definite: ValidationProblem[] = [];
  const choices: { at: string; problem: ValidationProblem }[] = [];
  for (const [at, branches] of byObject) {
    const ranked = [...branches.values()].sort((x, y) => score(x) - score(y));
    const best = ranked[0] ?? [];
    if (ranked.length > 1 && ranked.every((group) => group.every((e) => e.keyword === 'required'))) {
      // Alternatives that each only miss fields (oneOf/anyOf of required sets): name every way out.
      // The ways in the spec's order; the field named is the one of the closest way.
      const ways = [...branches.values()].map((group) =>
        group.map((e) => String(e.params['missingProperty'])).join(' with '),
      );
      const field = fieldOf(prefix, at, String(best[0]?.params['missingProperty']));
      choices.push({
        at,
        problem: {
          field,
          message: `is missing: give ${ways.slice(0, -1).join(', or ')}, or ${ways.at(-1)}`,
          rule: 'required',
        },
      });
      continue;
    }
    const misses = best.filter((e) => e.keyword === 'enum');
    if (ranked.length > 1 && misses.length) {
      // Even the closest branch rejects a value of an enum: that value is the problem.
      for (const e of misses) definite.push(describe(e, data, prefix));
      continue;
    }
    const context = ranked.length > 1 ? discriminator(ranked.slice(1), data, at) : '';
    for (const e of best) {
      const problem = describe(e, data, prefix);
      definite.push(
        context && problem.rule === 'required' ? { ...problem, message: `${problem.message} ${context}` } : problem,
      );
    }
  }
  // A branch that failed deeper (through a $ref) leaves no trace at the outer object, so outer
  // alternatives are only trustworthy when nothing else is wrong; then the deepest one is the cause.
  if (definite.length) return definite;
  const deepest = choices.sort((x, y) => y.at.length - x.at.length)[0];
  return deepest ? [deepest.problem] : [];
}

function score(group: readonly ValidatorError[]): number {
  return group.filter((e) => e.keyword === 'enum' || e.keyword === 'const').length * 100 + group.length;
}

// "when source is "scm"": the property whose enum the other branches rejected.
function discriminator(others: readonly ValidatorError[][], data: unknown, at: string): string {
  for (const group of others) {
    for (const e of group) {
      if (e.keyword !== 'enum') continue;
      const name = e.instancePath.slice(at.length + 1);
      const value = valueAt(data, e.instancePath);
      return value === undefined ? `when ${name} is not given` : `when ${name} is ${JSON.stringify(value)}`;
    }
  }
  return '';
}
