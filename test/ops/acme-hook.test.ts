// The acme.sh deploy hook never expands domain names as file patterns: with files named like
// domains in the directory acme.sh runs in, a wildcard main domain or a listed pattern reaches
// the CLI (or the wildcard branch) as written. Run with bash and with sh (dash), against a stub
// CLI that records the arguments it was given.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = new URL('../../contrib/acme.sh/huaweicloud_live.sh', import.meta.url).pathname;
const SHELLS = ['bash', 'sh'];
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'acme-hook-'));
  // Files a glob would pick up: `*.example.com` matches both, `play.[e]xample.com` the first.
  for (const name of ['evil.example.com', 'other.example.com', 'play.example.com']) writeFileSync(join(cwd, name), '');
  writeFileSync(
    join(cwd, 'stub-cli'),
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${join(cwd, 'args')}'\n`,
  );
  chmodSync(join(cwd, 'stub-cli'), 0o755);
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function deploy(shell: string, mainDomain: string, listed?: string) {
  // acme.sh sources the script and calls <name>_deploy domain key cert ca fullchain; afterwards
  // the shell's own globbing must be as it was (`set +f`), as acme.sh relies on it.
  const command = `_info() { echo "info: $*"; }; _err() { echo "err: $*"; }; _debug() { :; };
    _getdeployconf() { :; }; _savedeployconf() { :; };
    . '${SCRIPT}'; huaweicloud_live_deploy '${mainDomain}' k.key c.crt ca.crt full.crt; code=$?;
    echo "glob after: $(echo *.example.com)"; exit $code`;
  return new Promise<{ code: number | null; out: string; args: string[] | undefined }>((resolve) => {
    const child = spawn(shell, ['-c', command], {
      cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        HUAWEICLOUD_SDK_AK: 'AK',
        HUAWEICLOUD_SDK_SK: 'SK',
        HUAWEICLOUD_SDK_PROJECT_ID: 'p',
        LIVE_HTTPS_CERT: join(cwd, 'stub-cli'),
        ...(listed === undefined ? {} : { HUAWEICLOUD_LIVE_DOMAINS: listed }),
      },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.on('close', (code) => {
      const file = join(cwd, 'args');
      resolve({ code, out, args: existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n') : undefined });
    });
  });
}

const domainsOf = (args: string[] | undefined) => (args ?? []).filter((_, i, all) => all[i - 1] === '--domain');

describe.each(SHELLS)('the acme.sh hook under %s', (shell) => {
  it('a wildcard main domain takes the wildcard branch, never the files that match it', async () => {
    const r = await deploy(shell, '*.example.com');
    expect(r.args).toBeUndefined();
    expect(r.out).toContain('info: skipping *.example.com: a wildcard is not a Live domain');
    expect(r.out).toContain('err: no Live domain to deploy to');
    expect(r.code).toBe(1);
    // Globbing is back on for acme.sh afterwards.
    expect(r.out).toContain('glob after: evil.example.com other.example.com play.example.com');
  });

  it('listed domains reach the CLI as written: wildcards skipped, patterns not expanded', async () => {
    const r = await deploy(shell, 'example.com', '*.example.com play.[e]xample.com  live.example.com');
    expect(domainsOf(r.args)).toEqual(['play.[e]xample.com', 'live.example.com']);
    expect(r.args?.slice(0, 5)).toEqual(['deploy-hook', '--cert', 'full.crt', '--key', 'k.key']);
    expect(r.out).toContain('info: skipping *.example.com');
    expect(r.code).toBe(0);
    expect(r.out).toContain('glob after: evil.example.com other.example.com play.example.com');
  });
});
