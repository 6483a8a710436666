// The packed package as a user gets it: npm pack, install the tarball into an empty project,
// then import it from ESM, require it from CommonJS, type-check a consumer, run the bin, and
// call the Prism mock with it. attw and publint check the package metadata.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);
let work: string;
let tarball: string;

function run(command: string, args: string[], cwd = work) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  // CI=true turns colours on in some tools (publint): the checks read the text, not its styling.
  return { code: result.status, out: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'live-packed-'));
  // dist/ was built by the global setup; packing must not rebuild it behind the tests' back.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, stdio: 'ignore' });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.out}`);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('ships dist, the spec and the README, and nothing else', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const tops = new Set(listing.map((f) => f.split('/').slice(1, 2)[0]));
    expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'contrib', 'dist', 'docs', 'package.json', 'spec']);
    expect(listing).toContain('package/contrib/acme.sh/huaweicloud_live.sh');
    expect(listing.some((f) => f.includes('/test/') || f.includes('/scripts/') || f.endsWith('.jar'))).toBe(false);
  });

  it('(a) imports from ESM: every entry', () => {
    writeFileSync(
      join(work, 'esm.mjs'),
      `
      import { createLiveClient, LiveApiError } from 'live-https-cert';
      import { preflight } from 'live-https-cert/check';
      import { createNodeLiveClient } from 'live-https-cert/node';
      import { readCompareWrite, verifyServed, nameCovers } from 'live-https-cert/ops';
      import { HTTPSCertificateManagementApi } from 'live-https-cert/generated';
      import 'live-https-cert/types';
      const c = createLiveClient({ projectId: '0123456789abcdef0123456789abcdef', credentials: { token: 'tokenvalue' } });
      console.log(typeof createNodeLiveClient, typeof preflight, typeof HTTPSCertificateManagementApi, c.baseUrl, new LiveApiError({ status: 404, attempts: 1, body: '' }).status, typeof readCompareWrite, typeof verifyServed, nameCovers('*.example.com', 'a.example.com'));`,
    );
    expect(run(process.execPath, ['esm.mjs'])).toEqual({
      code: 0,
      out: 'function function function https://live.cn-north-4.myhuaweicloud.com 404 function function true\n',
    });
  });

  it('(b) requires from CommonJS: every entry, one error class shared between entries', () => {
    writeFileSync(
      join(work, 'cjs.cjs'),
      `
      const { createLiveClient, ValidationError } = require('live-https-cert');
      const { preflight } = require('live-https-cert/check');
      const { createNodeLiveClient } = require('live-https-cert/node');
      const { HTTPSCertificateManagementApi } = require('live-https-cert/generated');
      const { domainStatus } = require('live-https-cert/ops');
      if (typeof domainStatus !== 'function') throw new Error('live-https-cert/ops');
      const c = createNodeLiveClient({ projectId: '0123456789abcdef0123456789abcdef', credentials: { accessKey: 'AK', secretKey: 'SK' } });
      c.showDomainHttpsCert({ domain: '' }).catch((e) => console.log(e instanceof ValidationError, typeof preflight, typeof HTTPSCertificateManagementApi, typeof createLiveClient));`,
    );
    expect(run(process.execPath, ['cjs.cjs'])).toEqual({ code: 0, out: 'true function function function\n' });
  });

  it('(c) type-checks a strict consumer with tsc --noEmit', () => {
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          types: [],
          lib: ['es2022', 'dom'],
        },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(work, 'consumer.ts'),
      `
      import { createLiveClient, type DomainHttpsCertInfo, LiveApiError } from 'live-https-cert';
      import { preflight, type CheckReport } from 'live-https-cert/check';
      import type { paths } from 'live-https-cert/types';
      import { readCompareWrite, type ReadCompareWriteResult, type DomainStatus } from 'live-https-cert/ops';
      export async function rotate(): Promise<ReadCompareWriteResult['action']> {
        return (await readCompareWrite({ client, domain: 'play.example.com', body })).action;
      }
      export const days = (s: DomainStatus): number | undefined => s.certificate?.daysLeft;
      const body: DomainHttpsCertInfo = { certificate: 'c', certificate_key: 'k', force_redirect: true };
      const client = createLiveClient({ projectId: '0123456789abcdef0123456789abcdef', region: 'cn-east-3', credentials: { accessKey: 'a', secretKey: 's' } });
      export async function main(): Promise<string | undefined> {
        const report: CheckReport = preflight('play.example.com', body);
        const info = await client.showDomainHttpsCert({ domain: 'play.example.com' });
        const path: keyof paths = '/v1/{project_id}/guard/https-cert';
        try { await client.updateDomainHttpsCert({ domain: 'x', body }); } catch (e) { if (e instanceof LiveApiError) return e.errorCode; }
        return report.ok ? info.certificate_format : path;
      }`,
    );
    const typed = run(bin('tsc'), ['-p', 'tsconfig.json']);
    expect(typed.out).toBe('');
    expect(typed.code).toBe(0);
    writeFileSync(
      join(work, 'wrong.ts'),
      `import { createLiveClient } from 'live-https-cert';\ncreateLiveClient({ projectId: 1, credentials: {} });\n`,
    );
    expect(
      run(bin('tsc'), [
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        '',
        'wrong.ts',
      ]).code,
    ).not.toBe(0);
    // tsc (or attw) over the installed package: seconds alone, a minute on a machine busy with other work.
  }, 180_000);

  it('(d) runs npx live-https-cert --help', () => {
    const help = run('npx', ['--no-install', 'live-https-cert', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: live-https-cert <command> [options]');
  });

  it('(e) calls the Prism mock, as a library and through the bin', () => {
    writeFileSync(
      join(work, 'prism.mjs'),
      `
      import { createNodeLiveClient } from 'live-https-cert/node';
      const c = createNodeLiveClient({ projectId: '0123456789abcdef0123456789abcdef', endpoint: process.argv[2], credentials: { accessKey: 'AK', secretKey: 'packed-secret' } });
      const info = await c.showDomainHttpsCert({ domain: 'play.example.com' });
      const { requestId } = await c.updateDomainHttpsCert({ domain: 'play.example.com', body: { certificate: 'c', certificate_key: 'k' } });
      console.log(info.certificate_format, requestId);`,
    );
    expect(run(process.execPath, ['prism.mjs', inject('prismUrl')])).toEqual({
      code: 0,
      out: 'PEM 7c2a4ff0b5d3e1a2c9f84d6e0a1b2c3d\n',
    });
    const cli = spawnSync(
      'npx',
      [
        '--no-install',
        'live-https-cert',
        'delete',
        '--domain',
        'play.example.com',
        '--endpoint',
        inject('prismUrl'),
        '--project-id',
        '0123456789abcdef0123456789abcdef',
      ],
      {
        cwd: work,
        encoding: 'utf8',
        // XDG_STATE_HOME: the rollback state delete saves stays in the test's folder.
        env: { PATH: process.env['PATH'] ?? '', HUAWEICLOUD_SDK_AUTH_TOKEN: 'packed-token', XDG_STATE_HOME: work },
      },
    );
    expect(cli.stdout).toContain('Deleted the HTTPS certificate configuration of play.example.com');
    expect(cli.status).toBe(0);
  });

  it('passes @arethetypeswrong/cli and publint', () => {
    const attw = run(bin('attw'), [tarball, '--format', 'ascii']);
    expect(attw.out).toContain('No problems found');
    expect(attw.code).toBe(0);
    const lint = run(bin('publint'), ['--strict'], root);
    expect(lint.code).toBe(0);
    expect(lint.out).not.toMatch(/Errors:|Warnings:/);
    // One suggestion is deliberate: the object form of the "browser" field, which leaves the Node
    // sender out of browser bundles (docs/performance.md); the "browser" export condition publint
    // suggests cannot drop a file inside the package's own graph. Any other suggestion fails here.
    const suggestions = (lint.out.split('Suggestions:')[1] ?? '').trim().split('\n').filter(Boolean);
    expect(lint.out.includes('All good!') || suggestions.length > 0).toBe(true);
    expect(suggestions.filter((s) => !/^\d+\. pkg\.browser with an object value/.test(s))).toEqual([]);
    // tsc (or attw) over the installed package: seconds alone, a minute on a machine busy with other work.
  }, 180_000);
});
