// live-https-cert show, in process: against Prism (the configuration and a summary of the
// certificate, the API data in --json, fleets), against the verifying server (signed fleets, a wrong
// SK, nothing listening, domains de-duplicated, --json in the API's order without key fields), and
// with input files that never end or fail, and against a hostile server (__proto__ keys, deep nesting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/prism.js';
import { type FaultServer, startFaultServer } from '../../support/fault-server.js';
import { runInProcess } from '../../support/run-cli.js';
import { onPrism, prismEnv } from './prism-fixture.js';
import { TOKEN_ENV, unreadableCert } from './unreadable-cert-fixture.js';
import { AK, domainOf, ENV, SK, verifyingServerPerTest } from './verifying-fixture.js';

describe('show against Prism', () => {
  it('show prints the configuration and a summary of the certificate', async () => {
    const r = await runInProcess(['show', '--domain', 'play.example.com', ...onPrism()], prismEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('certificate_format: PEM');
    expect(r.stdout).toContain('force_redirect:     false');
  });

  it('show --json gives the API data', async () => {
    const r = await runInProcess(['show', '--domain', 'play.example.com', '--json', ...onPrism()], prismEnv());
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, results: [{ status: 'ok', data: { certificate_format: 'PEM' } }] });
    // Key fields are never printed, not even empty.
    expect(doc.results[0].data).not.toHaveProperty('certificate_key');
  });

  it('takes fleets too: a table', async () => {
    const fleet = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];
    const shown = await runInProcess(['show', ...fleet, ...onPrism()], prismEnv());
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('3 of 3 succeeded');
  });
});

describe('show against the verifying server', () => {
  const live = verifyingServerPerTest();

  it('a fleet is signed and verified', async () => {
    const url = await live.serve();
    const fleet = ['--domain', 'a.example.com', '--domain', 'b.example.com', '--domain', 'c.example.com'];
    const env = { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK };
    const shown = await runInProcess(
      ['show', ...fleet, '--endpoint', url, '--project-id', '0123456789abcdef0123456789abcdef'],
      env,
    );
    expect(shown.code).toBe(0);
    // A GET per domain.
    expect(live.server?.received.map((r) => r.verdict)).toEqual(Array(3).fill('ok'));
  });

  it('a wrong SK: exit 1, APIGW.0301 and the request id on stderr, with what to do', async () => {
    const url = await live.serve();
    const r = await runInProcess(
      ['show', '--domain', 'a.example.com', '--endpoint', url, '--project-id', '0123456789abcdef0123456789abcdef'],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: 'wrong-secret-key' },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/APIGW\.0301.*request id verify-1.*check HUAWEICLOUD_SDK_AK/s);
  });

  it('nothing listening: exit 3 after the retries', async () => {
    const port = await freePort();
    const r = await runInProcess(
      [
        'show',
        '--domain',
        'a.example.com',
        '--endpoint',
        `http://127.0.0.1:${port}`,
        '--project-id',
        '0123456789abcdef0123456789abcdef',
        '--retries',
        '1',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ECONNREFUSED');
    expect(r.stderr).toContain('2 attempts');
  });

  it('domains are de-duplicated case-insensitively and without a trailing dot', async () => {
    const endpoint = await live.store();
    const r = await runInProcess(
      [
        'show',
        '--domain',
        'Play.Example.COM.',
        '--domain',
        'play.example.com',
        '--domain',
        'PLAY.example.com',
        '--json',
        ...endpoint,
      ],
      ENV,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.total).toBe(1);
    expect(live.server!.received.map((r) => domainOf(r.url))).toEqual(['play.example.com']);
  });
});

describe('show --json against a server that keeps the configuration', () => {
  const live = verifyingServerPerTest();

  // The configuration as the API returned it, key fields left out at any depth, the other fields in
  // the API's order (scripts diff this output between runs).
  it('keeps every field but the keys, in the order the API gave them', async () => {
    const endpoint = await live.store({
      'sm.example.com': {
        certificate_format: 'PEM',
        certificate: '',
        certificate_key: '',
        force_redirect: true,
        gm_certificate: {
          source: 'user',
          cert_name: 'sm-pair',
          sign_certificate: '',
          sign_certificate_key: '',
          enc_certificate: '',
          enc_certificate_key: '',
        },
      },
    });
    const r = await runInProcess(['show', '--domain', 'sm.example.com', '--json', ...endpoint], ENV);
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.stdout).results;
    expect(JSON.stringify(result)).toBe(
      JSON.stringify({
        domain: 'sm.example.com',
        status: 'ok',
        data: {
          certificate_format: 'PEM',
          certificate: '',
          force_redirect: true,
          gm_certificate: { source: 'user', cert_name: 'sm-pair', sign_certificate: '', enc_certificate: '' },
        },
      }),
    );
  });
});

describe('show with input that never ends or fails', () => {
  const unreadable = unreadableCert();

  it('--domains-file /dev/zero likewise, and nothing is sent', async () => {
    const before = unreadable.api.received.length;
    const r = await runInProcess(['show', '--domains-file', '/dev/zero', '--endpoint', unreadable.api.url], TOKEN_ENV);
    expect(r.stderr).toMatch(/--domains-file \/dev\/zero: gives more than 1 MB/);
    expect(r.code).toBe(2);
    expect(unreadable.api.received.length).toBe(before);
  }, 20_000);

  it('/dev/full: every domain is still reported on stdout, with a warning, and the run is not called an API refusal', async () => {
    const r = await runInProcess(
      [
        'show',
        '--domain',
        'a.example.com',
        '--domain',
        'b.example.com',
        '--report',
        '/dev/full',
        '--json',
        '--endpoint',
        unreadable.api.url,
      ],
      TOKEN_ENV,
    );
    expect(r.stderr).toMatch(/--report \/dev\/full: ENOSPC/);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.total).toBe(2);
    expect(doc.results.map((x: { domain: string }) => x.domain).sort()).toEqual(['a.example.com', 'b.example.com']);
    expect(r.code).toBe(0);
  });
});

describe('show --json against a hostile server', () => {
  const ENV_TOKEN = {
    HUAWEICLOUD_SDK_AUTH_TOKEN: 'SHOW-HOSTILE-TOKEN-0123456789abcdef',
    HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  };
  let answer = '{}';
  let api: FaultServer | undefined;
  beforeAll(async () => {
    api = await startFaultServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  });
  afterAll(async () => api?.stop());
  const show = (json: boolean) =>
    runInProcess(
      ['show', '--domain', 'a.example.com', ...(json ? ['--json'] : []), '--endpoint', api!.url, '--retries', '0'],
      ENV_TOKEN,
    );

  // JSON.parse makes "__proto__" an own key: the copy keeps it as data (not a prototype), and the
  // key fields under it, under "constructor" and in arrays go like any others.
  it('__proto__, constructor and arrays: every key field goes, the rest stays in order', async () => {
    answer = `{"certificate_format":"PEM","__proto__":{"certificate_key":"KEY-1","tls_certificate":{"source":"scm"}},"constructor":{"x":1,"enc_certificate_key":"KEY-2"},"extra":[{"sign_certificate_key":"KEY-3","y":2},[{"certificate_key":"KEY-4"}]],"force_redirect":false}`;
    const r = await show(true);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/KEY-\d|_key"/);
    const data = JSON.parse(r.stdout).results[0].data;
    expect(JSON.stringify(data)).toBe(
      '{"certificate_format":"PEM","__proto__":{"tls_certificate":{"source":"scm"}},"constructor":{"x":1},"extra":[{"y":2},[{}]],"force_redirect":false}',
    );
    // The text reads the answer's own fields only: no tls_certificate came through a prototype.
    const text = await show(false);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('tls_certificate');
  });

  // Nesting that would overflow the stack of the copy (or of JSON printing): a clear failure of
  // that domain, not a bare RangeError.
  it.each([
    ['arrays', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
    ['objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ])('nested %s 100,000 deep: the domain fails with what happened', async (_what, deep) => {
    answer = `{"certificate_format":"PEM","certificate":"","extra":${deep},"force_redirect":false}`;
    const json = await show(true);
    expect(json.code).toBe(1);
    const [result] = JSON.parse(json.stdout).results;
    expect(result).toMatchObject({ domain: 'a.example.com', status: 'failed' });
    expect(result.error.message).toMatch(/nested deeper than 64 levels/);
    const text = await show(false);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^error: a\.example\.com: .*nested deeper than 64 levels/);
    expect(text.stderr + json.stdout).not.toMatch(/RangeError|Maximum call stack/);
  });
});
