// The credentials file read as the official Python SDK reads it: `configparser.ConfigParser()`
// with its defaults (Python 3.11's RawConfigParser._read, BasicInterpolation on items()), so a
// file means the same key pair to both, or is refused by both. Differences that remain are
// listed in docs/credentials.md; test/credentials/ini-differential.test.ts compares the two over
// generated files. Browser-safe: text in, sections out.

/** A file configparser refuses, with the 1-based line where it gave up (when it names one). */
export class IniError extends Error {
  override name = 'IniError';
  constructor(
    message: string,
    readonly kind:
      | 'DuplicateSectionError'
      | 'DuplicateOptionError'
      | 'MissingSectionHeaderError'
      | 'ParsingError'
      | 'InterpolationSyntaxError'
      | 'InterpolationMissingOptionError'
      | 'InterpolationDepthError',
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface IniFile {
  /** [DEFAULT]: applies to every section. */
  defaults: Map<string, string>;
  /** Raw values (multi-line ones joined with \n), in file order; names are case-sensitive. */
  sections: Map<string, Map<string, string>>;
}

// Python's str.isspace(), which strip() and the regular expressions' \s use; not JavaScript's
// (which counts U+FEFF and not U+001C-U+001F or U+0085).
const PY_SPACE = '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
const NON_SPACE = new RegExp(`[^${PY_SPACE}]`);
const LEADING = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING = new RegExp(`[${PY_SPACE}]+$`);
const pyStrip = (text: string) => text.replace(LEADING, '').replace(TRAILING, '');
const pyRstrip = (text: string) => text.replace(TRAILING, '');
// SECTCRE and OPTCRE with the default delimiters. A line holds no \n or \r here, so `.` may match
// anything (the s flag), as Python's does within a line (JavaScript's stops at U+2028/U+2029).
const SECTION = /^\[(.+)\]/s;
const OPTION = new RegExp(`^(.*?)[${PY_SPACE}]*([=:])[${PY_SPACE}]*(.*)$`, 's');
const COMMENT_PREFIXES = ['#', ';'];
const DEFAULT_SECTION = 'DEFAULT';
const MAX_INTERPOLATION_DEPTH = 10;

const lower = (name: string) => name.toLowerCase();

/** RawConfigParser.read of one file: strict, `=` and `:`, full-line `#`/`;` comments, empty lines kept in values. */
export function parseIni(text: string): IniFile {
  const defaults = new Map<string, string[]>();
  const sections = new Map<string, Map<string, string[]>>();
  const added = new Set<string>();
  let current: Map<string, string[]> | undefined;
  let sectionName: string | undefined;
  let option: string | undefined;
  let indentLevel = 0;
  let parseError: IniError | undefined;
  // Python's universal newlines: \r\n, \r and \n all end a line.
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const lineno = index + 1;
    const stripped = pyStrip(line);
    const comment = COMMENT_PREFIXES.some((prefix) => stripped.startsWith(prefix));
    const value = comment ? '' : stripped;
    if (!value) {
      // An empty line belongs to the value being read; a comment line does not.
      if (!comment && current && option) current.get(option)?.push('');
      return;
    }
    const indent = NON_SPACE.exec(line)?.index ?? 0;
    if (current && option && indent > indentLevel) {
      current.get(option)!.push(value);
      return;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
    if (header) {
      const name = header[1]!;
      if (sections.has(name)) {
        if (added.has(`[${name}`))
          throw new IniError(
            `section [${name}] appears twice (again on line ${lineno})`,
            'DuplicateSectionError',
            lineno,
          );
        current = sections.get(name);
        added.add(`[${name}`);
      } else if (name === DEFAULT_SECTION) {
        current = defaults;
      } else {
        current = new Map();
        sections.set(name, current);
        added.add(`[${name}`);
      }
      sectionName = name;
      option = undefined;
      return;
    }
    if (!current)
      throw new IniError(`line ${lineno} comes before any [section] header`, 'MissingSectionHeaderError', lineno);
    const match = OPTION.exec(value);
    if (!match) {
      parseError ??= new IniError(
        `line ${lineno} is neither a [section], a key = value nor a comment`,
        'ParsingError',
        lineno,
      );
      return;
    }
    if (!match[1]) parseError ??= new IniError(`line ${lineno} has a value without a key`, 'ParsingError', lineno);
    option = lower(pyRstrip(match[1]!));
    const key = `${sectionName}\u0000${option}`;
    if (added.has(key))
      throw new IniError(
        `key "${option}" appears twice in [${sectionName}] (again on line ${lineno})`,
        'DuplicateOptionError',
        lineno,
      );
    added.add(key);
    current.set(option, [pyStrip(match[3]!)]);
  });
  if (parseError) throw parseError;
  const join = (options: Map<string, string[]>) =>
    new Map([...options].map(([name, parts]) => [name, pyRstrip(parts.join('\n'))] as const));
  return {
    defaults: join(defaults),
    sections: new Map([...sections].map(([name, options]) => [name, join(options)] as const)),
  };
}

/**
 * ConfigParser.items(section): [DEFAULT] under the section's own values, every value through
 * BasicInterpolation (`%%` is `%`, `%(key)s` another value; any other `%` is an error).
 * Undefined when the file has no such section.
 */
export function iniSection(file: IniFile, name: string): Map<string, string> | undefined {
  const own = file.sections.get(name);
  if (!own) return undefined;
  const raw = new Map([...file.defaults, ...own]);
  const result = new Map<string, string>();
  for (const [option, value] of raw) result.set(option, interpolate(option, name, value, raw, 1));
  return result;
}

function interpolate(option: string, section: string, rest: string, map: Map<string, string>, depth: number): string {
  if (depth > MAX_INTERPOLATION_DEPTH)
    throw new IniError(
      `"${option}" in [${section}] refers to itself (or nests %(...)s too deep)`,
      'InterpolationDepthError',
    );
  let out = '';
  while (rest) {
    const at = rest.indexOf('%');
    if (at < 0) return out + rest;
    out += rest.slice(0, at);
    rest = rest.slice(at);
    const next = rest.slice(1, 2);
    if (next === '%') {
      out += '%';
      rest = rest.slice(2);
    } else if (next === '(') {
      const reference = /^%\(([^)]+)\)s/.exec(rest);
      if (!reference)
        throw new IniError(
          `"${option}" in [${section}] has a bad %(...)s reference; write a literal % as %%`,
          'InterpolationSyntaxError',
        );
      const target = lower(reference[1]!);
      rest = rest.slice(reference[0].length);
      const value = map.get(target);
      if (value === undefined)
        throw new IniError(
          // The name is not shown: it is part of the value, which may be a secret key.
          `"${option}" in [${section}] refers with %(...)s to a key that is not set; write a literal % as %%`,
          'InterpolationMissingOptionError',
        );
      out += value.includes('%') ? interpolate(option, section, value, map, depth + 1) : value;
    } else {
      throw new IniError(
        `"${option}" in [${section}] has a % not followed by % or (; write a literal % as %%`,
        'InterpolationSyntaxError',
      );
    }
  }
  return out;
}
