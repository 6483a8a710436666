// The built executable as a user runs it: it starts, answers --help and --version, turns bad
// usage into exit 2, and loads a command's code only when that command runs. (The commands
// themselves are tested in process: test/cli/commands/.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

const RECORDER = fileURLToPath(new URL('../support/load-recorder.mjs', import.meta.url));

function bin(args: string[], record = false) {
  const r = spawnSync(process.execPath, [...(record ? ['--import', RECORDER] : []), CLI, ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: '/nonexistent-home-for-tests',
      LIVE_HTTPS_CERT_METADATA_ENDPOINT: 'off',
    },
    encoding: 'utf8',
  });
  const loaded = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('loaded '))
    .map((l) => l.slice('loaded '.length));
  const stderr = r.stderr
    .split('\n')
    .filter((l) => !l.startsWith('loaded '))
    .join('\n');
  return { code: r.status, stdout: r.stdout, stderr, loaded };
}

const ours = (loaded: string[]) =>
  loaded.filter((u) => u.includes('/dist/esm/')).map((u) => u.slice(u.indexOf('/dist/esm/') + '/dist/esm/'.length));

describe('the built live-https-cert', () => {
  it('--help: exit 0, the commands listed; no command and no client loaded', () => {
    const r = bin(['--help'], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^live-https-cert: manage the HTTPS certificate/);
    expect(r.stdout).toContain('  update ');
    const files = ours(r.loaded);
    expect(files).toContain('src/cli/run.js');
    expect(files.filter((f) => f.startsWith('src/cli/commands/') || f === 'src/client.js')).toEqual([]);
  });

  it('a command loads its own module, not the others (check: not the client either)', () => {
    const r = bin(['check', '--help'], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: live-https-cert check');
    const commands = ours(r.loaded).filter((f) => f.startsWith('src/cli/commands/'));
    expect(commands).toEqual([]);
    const checked = bin(['check', '--domain', 'play.example.com', '--cert', '/nonexistent.pem', '--key', '/x'], true);
    expect(checked.code).toBe(2);
    const loaded = ours(checked.loaded);
    expect(loaded).toContain('src/cli/commands/check.js');
    expect(loaded).not.toContain('src/cli/commands/delete.js');
    expect(loaded).not.toContain('src/cli/commands/status.js');
    // An offline command does not pay for the API client or the upload path.
    expect(loaded).not.toContain('src/cli/commands/update.js');
    expect(loaded).not.toContain('src/client.js');
  });

  it('--version prints the version; no command is exit 2 with the help; a bad flag is exit 2 on stderr', () => {
    const version = bin(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^live-https-cert \d+\.\d+\.\d+/);
    const none = bin([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: live-https-cert <command>');
    const bad = bin(['show', '--domian', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: Unknown option '--domian'.*see live-https-cert show --help/);
  });
});
