// Turns the errors of a generated validator into problems a person can act on: the field path,
// the limit, the value's size. oneOf/anyOf report every branch's complaint; only the branch the
// value was closest to is kept (the one whose enum, e.g. `source`, matched), so a body with
// `source: "scm"` hears about `cert_id`, not about the PEM texts of the other branch.
import type { ValidationProblem } from '../errors.js';
import type { ValidatorError } from '../../generated/validators/validator.js';

const DESCRIBE_MAX = 60;

/** Length as JSON Schema counts it: code points, not UTF-16 units. */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function valueAt(data: unknown, instancePath: string): unknown {
  if (!instancePath) return data;
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

function fieldOf(prefix: string, instancePath: string, extra?: string): string {
  const parts = [
    ...(prefix ? [prefix] : []),
    ...instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')),
    ...(extra ? [extra] : []),
  ];
  return parts.join('.') || 'value';
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function shown(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length > DESCRIBE_MAX ? `${value.slice(0, DESCRIBE_MAX)}...` : value;
    // JSON.stringify escapes control characters and lone surrogates, so the message stays printable.
    return JSON.stringify(text);
  }
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

/** A character as a person can find it: printable ones quoted, the others by code point. */
function characterName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code > 0x20 && code !== 0x7f && !(code >= 0xd800 && code <= 0xdfff) ? `"${character}" (${hex})` : hex;
}

// A pattern that is one character class repeated (the spec's DomainName) can name the first
// character it refuses, which says more than the regular expression does.
function patternMessage(pattern: string, value: unknown): string {
  if (typeof value === 'string' && /^\^\[[^\]]*\][*+]\$$/.test(pattern)) {
    const one = new RegExp(`^${pattern.slice(1, -2)}$`);
    // UTF-16 units, not code points: the spec's classes name lone surrogates by unit.
    for (let i = 0; i < value.length; i++) {
      const unit = value[i]!;
      const pair =
        /[\ud800-\udbff]/.test(unit) && /[\udc00-\udfff]/.test(value[i + 1] ?? '') ? value.slice(i, i + 2) : unit;
      if (pair.length === 2 ? !one.test(pair[0]!) || !one.test(pair[1]!) : !one.test(unit)) {
        return `holds ${characterName(pair.length === 2 ? pair : unit)} at position ${i + 1}, which the API does not accept (the spec's pattern is ${pattern})`;
      }
      i += pair.length - 1;
    }
  }
  return `must match the spec's pattern ${pattern}, got ${shown(value)}`;
}

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

function describe(error: ValidatorError, data: unknown, prefix: string): ValidationProblem {
  const value = valueAt(data, error.instancePath);
  const field = fieldOf(prefix, error.instancePath);
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return {
        field: fieldOf(prefix, error.instancePath, String(params['missingProperty'])),
        message: 'is required',
        rule: 'required',
      };
    case 'maxLength': {
      const size = typeof value === 'string' ? characters(value) : 0;
      return {
        field,
        message: `is ${size} characters; the API accepts at most ${String(params['limit'])}`,
        rule: 'length',
        limit: Number(params['limit']),
        size,
      };
    }
    case 'minLength': {
      const size = typeof value === 'string' ? characters(value) : 0;
      return size === 0
        ? { field, message: 'is empty', rule: 'length', limit: Number(params['limit']), size }
        : {
            field,
            message: `is ${size} characters; the API needs at least ${String(params['limit'])}`,
            rule: 'length',
            limit: Number(params['limit']),
            size,
          };
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v));
      const choice = allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`;
      return { field, message: `must be ${choice}, got ${shown(value)}`, rule: 'enum' };
    }
    case 'type': {
      const wanted =
        params['type'] === 'boolean'
          ? 'true or false'
          : `${/^[aeiou]/.test(String(params['type'])) ? 'an' : 'a'} ${String(params['type'])}`;
      return { field, message: `must be ${wanted}, got ${typeName(value)}`, rule: 'type' };
    }
    case 'pattern':
      return { field, message: patternMessage(String(params['pattern']), value), rule: 'pattern' };
    default:
      return { field, message: error.message ?? `fails the spec's "${error.keyword}" rule`, rule: 'type' };
  }
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
