// The credentials file reader against Python's configparser, which the official SDK reads the
// file with: thousands of generated files (duplicate sections and keys, [DEFAULT], comments after
// headers, continuation lines, `%` interpolation, CR/CRLF/LF, Python-only whitespace) must give
// the same sections, the same [basic] items, or the same refusal at the same line.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IniError, iniSection, parseIni } from '../../src/credentials/ini.js';
import { pick, seededRandom } from '../support/random.js';

const PYTHON = join(import.meta.dirname, '../../.python-sdk/bin/python');
const ORACLE = join(import.meta.dirname, '../support/configparser-oracle.py');

type Outcome =
  | { error: string; line: number | null }
  | {
      defaults: Record<string, string>;
      sections: Record<string, Record<string, string>>;
      basic?: Record<string, string> | { error: string };
    };

function pythonReads(texts: string[]): Promise<Outcome[]> {
  if (!existsSync(PYTHON)) throw new Error('Python (.python-sdk/) is not installed: run `npm run setup`');
  return new Promise((resolve, reject) => {
    const child = execFile(
      PYTHON,
      [ORACLE],
      { maxBuffer: 256 * 1024 * 1024, timeout: 120_000, env: { PATH: process.env['PATH'] ?? '' } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(JSON.stringify(texts));
  });
}

function ourRead(text: string): Outcome {
  try {
    const file = parseIni(text);
    const result: Outcome = {
      defaults: Object.fromEntries(file.defaults),
      sections: Object.fromEntries([...file.sections].map(([name, options]) => [name, Object.fromEntries(options)])),
    };
    try {
      const basic = iniSection(file, 'basic');
      if (basic) result.basic = Object.fromEntries(basic);
    } catch (error) {
      if (!(error instanceof IniError)) throw error;
      result.basic = { error: error.kind };
    }
    return result;
  } catch (error) {
    if (!(error instanceof IniError)) throw error;
    return { error: error.kind, line: error.line ?? null };
  }
}

const SPACES = [' ', '  ', '\t', '', '', '', '\u00a0', '\u3000', '\x1c', '\x85', '\u2028'];
const NAMES = ['ak', 'sk', 'AK', 'Sk', 'project_id', 'security_token', 'iam_endpoint', 'x', 'a b'];
const VALUES = [
  'AKEXAMPLE',
  'sk/with+chars=',
  'has ; semicolon',
  'has # hash',
  '50%',
  '100%%',
  '%(ak)s-suffix',
  '%(missing)s',
  '%(x',
  '',
  'ünïcode',
  'a:b=c',
  'tab\tinside',
  '\ufeffbom-inside',
  '%(project_id)s',
];
const SECTIONS = [
  '[basic]',
  '[basic]',
  '[DEFAULT]',
  '[other]',
  '[basic] # prod',
  '[basic] ; note',
  '[ basic ]',
  '[Basic]',
  '[basic]]',
  '[]',
  '[default]',
  '[basic]x',
];

function line(random: () => number): string {
  const kind = random();
  if (kind < 0.15) return pick(random, SPACES) + pick(random, SECTIONS) + pick(random, SPACES);
  if (kind < 0.65)
    return (
      pick(random, ['', '', '', ' ', '\t']) +
      pick(random, NAMES) +
      pick(random, SPACES) +
      pick(random, ['=', ':', '=', ' = ', ' == ']) +
      pick(random, SPACES) +
      pick(random, VALUES) +
      pick(random, SPACES)
    );
  if (kind < 0.75) return pick(random, SPACES) + pick(random, ['# comment', '; comment', '#', ';;']);
  if (kind < 0.85) return pick(random, ['', ' ', '\t', '\u00a0']);
  if (kind < 0.95) return pick(random, ['  continued', '\tmore = text', ' [basic]', '   ']) + pick(random, VALUES);
  return pick(random, ['no delimiter here', '= value without key', ': x', '%%', 'ak']);
}

function file(random: () => number): string {
  const count = 1 + Math.floor(random() * 9);
  const newline = pick(random, ['\n', '\n', '\r\n', '\r']);
  const lines = random() < 0.85 ? ['[basic]'] : [];
  for (let i = 0; i < count; i++) lines.push(line(random));
  return lines.join(newline) + pick(random, [newline, '']);
}

describe('the credentials file is read as configparser reads it', () => {
  it('agrees with Python on 3,000 generated files', async () => {
    const random = seededRandom(20261202);
    const texts = Array.from({ length: 3000 }, () => file(random));
    const theirs = await pythonReads(texts);
    let refused = 0;
    for (const [i, text] of texts.entries()) {
      const ours = ourRead(text);
      if ('error' in theirs[i]!) refused++;
      expect(ours, `file ${i}: ${JSON.stringify(text)}`).toEqual(theirs[i]);
    }
    // The generator reaches both sides of the reader: refusals and files that read.
    expect(refused).toBeGreaterThan(300);
    expect(texts.length - refused).toBeGreaterThan(300);
  }, 180_000);

  it('agrees on the cases of the review: duplicates, [DEFAULT], a comment after the header', async () => {
    const texts = [
      '[basic]\nak = A1\nsk = S1\n[basic]\nak = A2\nsk = S2\n',
      '[basic]\nak = A1\nak = A2\nsk = S\n',
      '[DEFAULT]\nproject_id = p1\n[basic]\nak = A\nsk = S\n',
      '[basic] # prod\nak = A\nsk = S\n',
      'ak = A\n[basic]\n',
      '[basic]\nak = A\nsk = 50%\n',
    ];
    const theirs = await pythonReads(texts);
    expect(texts.map(ourRead)).toEqual(theirs);
    expect(theirs.map((o) => ('error' in o ? `${o.error}@${o.line}` : (o.basic as Record<string, string>)))).toEqual([
      'DuplicateSectionError@4',
      'DuplicateOptionError@3',
      { project_id: 'p1', ak: 'A', sk: 'S' },
      { ak: 'A', sk: 'S' },
      'MissingSectionHeaderError@1',
      { error: 'InterpolationSyntaxError' },
    ]);
  });
});
