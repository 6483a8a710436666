// The real CLI, spawned, against Prism mocking the spec: single domain and fleets.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';

let pki: Pki;
beforeAll(() => {
  pki = newPki();
  makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 90 });
  writeFileSync(pki.path('domains.txt'), '# fleet\na.example.com\nb.example.com\n\nc.example.com\n');
});
afterAll(() => pki.cleanup());

const env = () => ({
  HUAWEICLOUD_SDK_AK: 'CLIPRISMAK',
  HUAWEICLOUD_SDK_SK: 'cli-prism-secret-key-value',
  HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
});
const common = () => ['--endpoint', inject('prismUrl')];

describe('CLI against Prism', () => {
  it('update a single domain: checks pass, uploads, exit 0', async () => {
    const r = await runCli(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--force-redirect',
        ...common(),
      ],
      env(),
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'Updated the HTTPS certificate of play.example.com (request id 7c2a4ff0b5d3e1a2c9f84d6e0a1b2c3d)',
    );
    expect(r.code).toBe(0);
  });

  it('update --json gives one JSON document with the request id and the checks', async () => {
    const r = await runCli(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--json',
        ...common(),
      ],
      env(),
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      ok: true,
      summary: { total: 1, ok: 1 },
      results: [
        {
          domain: 'play.example.com',
          status: 'ok',
          action: 'updated',
          requestId: '7c2a4ff0b5d3e1a2c9f84d6e0a1b2c3d',
          checks: { ok: true },
        },
      ],
    });
  });

  it('update --scm-cert-id sends a CCM reference (no files needed)', async () => {
    const r = await runCli(
      ['update', '--domain', 'play.example.com', '--scm-cert-id', 'scs1700000000000', '--json', ...common()],
      env(),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, results: [{ status: 'ok' }] });
  });

  it('a fleet from --domains-file plus --domain: a table, exit 0', async () => {
    const r = await runCli(
      [
        'update',
        '--domains-file',
        pki.path('domains.txt'),
        '--domain',
        'd.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        ...common(),
      ],
      env(),
    );
    expect(r.code).toBe(0);
    for (const d of ['a', 'b', 'c', 'd'])
      expect(r.stdout).toMatch(new RegExp(`${d}\\.example\\.com\\s+ok\\s+uploaded`));
    expect(r.stdout).toContain('4 of 4 succeeded (4 ok, 0 unchanged), 0 failed, 0 skipped');
    expect(r.stderr).toBe('');
  });

  it('a fleet with --json gives the same document, a result per domain', async () => {
    const r = await runCli(
      [
        'update',
        '--domain',
        'a.example.com',
        '--domain',
        'b.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--json',
        ...common(),
      ],
      env(),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.map((o: { domain: string; status: string }) => [o.domain, o.status])).toEqual([
      ['a.example.com', 'ok'],
      ['b.example.com', 'ok'],
    ]);
  });

  it('show prints the configuration and a summary of the certificate', async () => {
    const r = await runCli(['show', '--domain', 'play.example.com', ...common()], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('certificate_format: PEM');
    expect(r.stdout).toContain('force_redirect:     false');
  });

  it('show --json gives the API data', async () => {
    const r = await runCli(['show', '--domain', 'play.example.com', '--json', ...common()], env());
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, results: [{ status: 'ok', data: { certificate_format: 'PEM' } }] });
    // Key fields are never printed, not even empty.
    expect(doc.results[0].data).not.toHaveProperty('certificate_key');
  });

  it('delete, with a token from HUAWEICLOUD_SDK_AUTH_TOKEN', async () => {
    const r = await runCli(['delete', '--domain', 'play.example.com', ...common()], {
      HUAWEICLOUD_SDK_AUTH_TOKEN: 'cli-token-value',
      HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deleted the HTTPS certificate configuration of play.example.com');
  });

  it('show and delete take fleets too: a table, or the JSON document', async () => {
    const fleet = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];
    const shown = await runCli(['show', ...fleet, ...common()], env());
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('3 of 3 succeeded');
    const deleted = await runCli(['delete', ...fleet, '--yes', '--json', ...common()], env());
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout).results.map((o: { status: string }) => o.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('check works offline (no credentials, no endpoint)', async () => {
    const r = await runCli([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('wild.crt'),
      '--key',
      pki.path('wild.key'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('result: no errors');
    const bad = await runCli([
      'check',
      '--domain',
      'play.example.org',
      '--cert',
      pki.path('wild.crt'),
      '--key',
      pki.path('wild.key'),
      '--json',
    ]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, results: [{ ok: false, domain: 'play.example.org' }] });
  });

  it('--dry-run validates and signs but sends nothing, and prints the request without the key', async () => {
    const r = await runCli(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--dry-run',
        '--always',
        '--endpoint',
        'http://127.0.0.1:9',
      ],
      env(),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'PUT http://127.0.0.1:9/v1/0123456789abcdef0123456789abcdef/guard/https-cert?domain=play.example.com',
    );
    expect(r.stdout).toMatch(
      /authorization: SDK-HMAC-SHA256 Access=CLIPRISMAK, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, Signature=\[REDACTED\]\n/,
    );
    expect(r.stdout).toContain('[REDACTED private key');
    expect(r.stdout).not.toContain('PRIVATE KEY-----');
  });
});
