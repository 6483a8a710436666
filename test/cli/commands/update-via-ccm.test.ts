// update --via-ccm, in process against the stateful fake of Live and CCM: the key goes to CCM once
// (and not at all on a rerun), every PUT binds by cert_id without the key, the unchanged check
// compares cert_id, CCM is signed with the account id (X-Domain-Id), each write saves the previous
// setting (0600, no key), and the dry run shows the plan with the key redacted, sending no change.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Pki } from '../../support/certs.js';
import { runInProcess } from '../../support/run-cli.js';
import { ALL, type CcmFixture, DOMAIN_ID, setUpPki, startCcmFixture } from './ccm-fixture.js';

let pki: Pki;
let f: CcmFixture;
const keyLine = () => pki.read('wild.key').split('\n')[1]!;
const domainOf = (url: string) => new URL(url, 'http://x').searchParams.get('domain');

beforeAll(() => {
  pki = setUpPki();
});
beforeEach(async () => {
  f = await startCcmFixture(pki);
});
afterEach(async () => {
  await f.cloud.stop();
});
afterAll(() => pki.cleanup());

describe('update --via-ccm', () => {
  it('imports once, binds every domain by cert_id without the key; a rerun imports and writes nothing', async () => {
    const r = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm', '--json'], f.env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const imports = f.cloud.calls('ImportCertificate');
    expect(imports).toHaveLength(1);
    // The key is sent once: in the import.
    expect(imports[0]!.body.toString()).toContain(keyLine());
    const name = imports[0]!.json?.['name'] as string;
    expect(name).toMatch(/^lhc-[0-9a-f]{32}$/);
    const imported = f.cloud.ccm.find((c) => c.name === name)!;
    const puts = f.cloud.calls('UpdateDomainHttpsCert');
    expect(puts.map((p) => domainOf(p.url)).sort()).toEqual(['a.example.com', 'b.example.com', 'c.example.com']);
    for (const put of puts) {
      expect(put.json?.['tls_certificate']).toEqual({ source: 'scm', cert_id: imported.id, cert_name: name });
      expect(put.body.toString()).not.toMatch(/PRIVATE KEY|certificate_key/);
      expect(put.body.toString()).not.toContain(keyLine());
    }
    // force_redirect as deployed (the API resets it when a PUT leaves it out).
    expect(puts.find((p) => domainOf(p.url) === 'a.example.com')?.json?.['force_redirect']).toBe(true);
    // CCM is signed with the account id, as the official SDK's GlobalCredentials do.
    for (const call of [...imports, ...f.cloud.calls('ListCertificates')]) {
      expect(call.headers['x-domain-id']).toBe(DOMAIN_ID);
      expect(call.headers['x-project-id']).toBeUndefined();
    }
    const doc = JSON.parse(r.stdout) as { results: { status: string; ccm: Record<string, unknown> }[] };
    expect(doc.results.map((x) => x.status)).toEqual(['ok', 'ok', 'ok']);
    expect(doc.results[0]!.ccm).toMatchObject({ certName: name, certId: imported.id, action: 'imported' });
    expect(r.stdout).not.toContain(keyLine());

    const again = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm', '--json'], f.env());
    expect(again.code).toBe(0);
    expect(f.cloud.calls('ImportCertificate')).toHaveLength(1);
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(3);
    const second = JSON.parse(again.stdout) as { results: { status: string; ccm: Record<string, unknown> }[] };
    expect(second.results.map((x) => [x.status, x.ccm['action']])).toEqual([
      ['unchanged', 'reused'],
      ['unchanged', 'reused'],
      ['unchanged', 'reused'],
    ]);
  });

  it('saves each domain setting before its write: one 0600 file each, in a 0700 directory, no key', async () => {
    const r = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm'], f.env());
    expect(r.code).toBe(0);
    const dir = join(f.stateHome, 'live-https-cert');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['a.example.com.json', 'b.example.com.json', 'c.example.com.json']);
    for (const file of files) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).not.toMatch(/PRIVATE KEY/);
      expect(text).not.toContain(keyLine());
      expect(text).not.toContain(pki.read('old.key').split('\n')[1]!);
    }
    const saved = (file: string) =>
      (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { entries: Record<string, unknown>[] }).entries;
    expect(saved('a.example.com.json')).toEqual([
      expect.objectContaining({
        certificate: { kind: 'scm', certId: f.oldId, certName: 'old-in-ccm' },
        forceRedirect: true,
      }),
    ]);
    expect(saved('b.example.com.json')[0]!['certificate']).toMatchObject({ kind: 'uploaded' });
    expect(saved('c.example.com.json')[0]!['certificate']).toEqual({ kind: 'none' });
  });

  it('a state directory that cannot be written stops the write: nothing is sent to that domain', async () => {
    // A file where the directory should be: no directory can be made there.
    const blocker = join(f.stateHome, 'a-file');
    writeFileSync(blocker, '');
    const r = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm'],
      f.env(blocker),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('could not save the rollback state of a.example.com');
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(0);
  });

  it('--dry-run shows the import (key redacted) and the bindings, and sends no change', async () => {
    const r = await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm', '--dry-run', '--json'], f.env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(f.cloud.calls('ImportCertificate')).toHaveLength(0);
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(0);
    expect(r.stdout).not.toContain(keyLine());
    const doc = JSON.parse(r.stdout) as {
      results: {
        ccm: { action: string; request?: { body: Record<string, unknown> } };
        request: { body: Record<string, unknown> };
      }[];
    };
    for (const result of doc.results) {
      expect(result.ccm.action).toBe('would import');
      expect(result.ccm.request!.body['private_key']).toMatch(/^\[REDACTED private key/);
      expect(result.request.body['tls_certificate']).toMatchObject({
        source: 'scm',
        cert_id: '(assigned by CCM at import)',
      });
      expect(JSON.stringify(result.request.body)).not.toMatch(/certificate_key|PRIVATE KEY/);
    }
    // As text: the import first, then the binding.
    const text = await runInProcess(
      ['update', '--domain', 'c.example.com', ...f.certificate, '--via-ccm', '--dry-run'],
      f.env(),
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('this CCM import would be sent once for the run');
    expect(text.stdout).toContain('POST ');
    expect(text.stdout).toContain('[REDACTED private key');
    expect(text.stdout).not.toContain(keyLine());
    expect(text.stdout.indexOf('/v3/scm/certificates/import')).toBeLessThan(text.stdout.indexOf('PUT '));

    // Once the certificate is in CCM, the dry run reuses it and shows no import.
    await runInProcess(['update', '--domain', 'c.example.com', ...f.certificate, '--via-ccm'], f.env());
    const reused = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', '--dry-run', '--json'],
      f.env(),
    );
    const [only] = (JSON.parse(reused.stdout) as { results: { ccm: Record<string, unknown> }[] }).results;
    expect(only!.ccm).toMatchObject({ action: 'reused' });
    expect(only!.ccm['request']).toBeUndefined();
    expect(f.cloud.calls('ImportCertificate')).toHaveLength(1);
  });

  it('refuses what cannot go through CCM, before anything is sent', async () => {
    const cases: [string[], string][] = [
      [['--via-ccm', '--scm-cert-id', 'scs1'], 'not both'],
      [['--via-ccm', '--verify', '--rollback-on-failure', '--scm-cert-id', 'x'], 'not both'],
      [['--rollback-on-failure'], '--rollback-on-failure needs --verify'],
      [['--domain-id', DOMAIN_ID], '--domain-id is for --via-ccm'],
    ];
    for (const [flags, message] of cases) {
      const r = await runInProcess(['update', '--domain', 'a.example.com', ...f.certificate, ...flags], f.env());
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    const noCert = await runInProcess(
      ['update', '--domain', 'a.example.com', '--via-ccm', '--endpoint', f.cloud.liveUrl],
      f.env(),
    );
    expect(noCert.code).toBe(2);
    expect(noCert.stderr).toContain('--via-ccm needs --cert FILE --key FILE');
    const badId = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', '--domain-id', 'not-an-id'],
      f.env(),
    );
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('domainId');
    expect(f.cloud.received).toEqual([]);
  });
});
