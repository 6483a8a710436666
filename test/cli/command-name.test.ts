// The command is a key of the command table itself: a name every object inherits (toString,
// constructor) is an unknown command, not a crash inside the flag parser.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-cli.js';

describe('a command name the table only inherits', () => {
  it.each(['toString', 'constructor', 'hasOwnProperty'])('%s is an unknown command (exit 2)', async (name) => {
    const r = await runInProcess([name, '--domain', 'a.example.com']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown command "${name}"`);
    expect(r.stdout).toBe('');
  });
});
