// The words of a validation problem: the field path, the limit, the value's size, the character a
// pattern refuses. Apart from the choice among oneOf/anyOf branches (schema-problems.ts), so the
// synchronous checks of shared parameters (validate.ts) carry only this.
import type { ValidationProblem } from '../errors.js';
import type { ValidatorError } from '../../generated/validators/validator.js';

const DESCRIBE_MAX = 60;

/** Length as JSON Schema counts it: code points, not UTF-16 units. */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function valueAt(data: unknown, instancePath: string): unknown {
  if (!instancePath) return data;
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

export function fieldOf(prefix: string, instancePath: string, extra?: string): string {
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

export function describe(error: ValidatorError, data: unknown, prefix: string): ValidationProblem {
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

/**
 * The problems of a validator without alternatives (a shared parameter's: no oneOf/anyOf), each
 * error once, in order: what problemsFrom gives for such a validator, without its branch choice.
 */
export function leafProblems(
  errors: readonly ValidatorError[] | null | undefined,
  data: unknown,
  prefix = '',
): ValidationProblem[] {
  const seen = new Set<string>();
  const problems: ValidationProblem[] = [];
  for (const e of errors ?? []) {
    const id = `${e.instancePath}|${e.schemaPath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(describe(e, data, prefix));
  }
  return problems;
}
