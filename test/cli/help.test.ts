// Every command's --help, in process: each option the command takes and the exit codes.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/args.js';
import { runInProcess } from '../support/run-cli.js';

describe('help that lists everything', () => {
  it.each(Object.keys(COMMANDS))('%s --help lists every option it takes and the exit codes', async (command) => {
    const r = await runInProcess([command, '--help']);
    expect(r.code).toBe(0);
    for (const flag of Object.keys(COMMANDS[command as keyof typeof COMMANDS].options))
      expect(r.stdout, flag).toContain(`--${flag}`);
    expect(r.stdout).toContain('Exit codes');
  });
});
