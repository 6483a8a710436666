// rollback and update --verify --rollback-on-failure, in process against the stateful fake of
// Live and CCM and a loopback TLS "edge": the previous cert_id comes back, an uploaded PEM says
// why it cannot, and a deployment the edge does not serve within --wait is undone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Pki } from '../../support/certs.js';
import { runInProcess } from '../../support/run-cli.js';
import { type SniServer, startSniServer } from '../../support/tls-server.js';
import { ALL, type CcmFixture, setUpPki, startCcmFixture } from './ccm-fixture.js';

let pki: Pki;
let f: CcmFixture;
const domainOf = (url: string) => new URL(url, 'http://x').searchParams.get('domain');
const tls = (domain: string) => f.cloud.domains.get(domain)!.config?.['tls_certificate'] as Record<string, unknown>;

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

describe('rollback', () => {
  it('restores the previous cert_id and force_redirect; an uploaded PEM or nothing saved says why, sending nothing', async () => {
    expect((await runInProcess(['update', ...ALL, ...f.certificate, '--via-ccm'], f.env())).code).toBe(0);
    const newId = tls('a.example.com')['cert_id'];
    expect(newId).not.toBe(f.oldId);
    const putsBefore = f.cloud.calls('UpdateDomainHttpsCert').length;

    const r = await runInProcess(['rollback', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], f.env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `Rolled back a.example.com: restored cert_id ${f.oldId} (old-in-ccm), force_redirect true`,
    );
    const put = f.cloud.calls('UpdateDomainHttpsCert').at(-1)!;
    expect(domainOf(put.url)).toBe('a.example.com');
    expect(put.json).toEqual({
      tls_certificate: { source: 'scm', cert_id: f.oldId, cert_name: 'old-in-ccm' },
      force_redirect: true,
    });
    expect(tls('a.example.com')).toMatchObject({ source: 'scm', cert_id: f.oldId });

    // The entry is used up: the one write of a.example.com is undone, nothing older is saved.
    const again = await runInProcess(
      ['rollback', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl, '--json'],
      f.env(),
    );
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout).results[0].rollback).toMatchObject({ action: 'nothing-saved' });

    const fleetFile = join(f.stateHome, 'domains.txt');
    writeFileSync(fleetFile, 'b.example.com\nc.example.com\n');
    const fleet = await runInProcess(
      ['rollback', '--domains-file', fleetFile, '--endpoint', f.cloud.liveUrl, '--json'],
      f.env(),
    );
    expect(fleet.code).toBe(2);
    const results = JSON.parse(fleet.stdout).results as {
      domain: string;
      status: string;
      rollback: Record<string, string>;
    }[];
    expect(results.find((x) => x.domain === 'b.example.com')).toMatchObject({
      status: 'failed',
      rollback: { action: 'not-restorable', reason: expect.stringContaining('uploaded PEM') },
    });
    expect(results.find((x) => x.domain === 'c.example.com')?.rollback).toMatchObject({
      action: 'not-restorable',
      reason: expect.stringContaining('no certificate was configured'),
    });
    // Only a.example.com's restore was sent.
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(putsBefore + 1);
    expect(tls('b.example.com')['cert_id']).toBe(newId);
  });

  it('--dry-run shows the restore and keeps the saved entry', async () => {
    await runInProcess(['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm'], f.env());
    const puts = f.cloud.calls('UpdateDomainHttpsCert').length;
    const dry = await runInProcess(
      ['rollback', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl, '--dry-run', '--json'],
      f.env(),
    );
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).results[0].request.body.tls_certificate).toMatchObject({ cert_id: f.oldId });
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(puts);
    const real = await runInProcess(['rollback', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], f.env());
    expect(real.code).toBe(0);
    expect(tls('a.example.com')['cert_id']).toBe(f.oldId);
  });
});

describe('delete', () => {
  it('saves the deployed setting first, so rollback puts the deleted CCM binding back', async () => {
    expect(tls('a.example.com')).toMatchObject({ source: 'scm', cert_id: f.oldId });

    const d = await runInProcess(['delete', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], f.env());
    expect(d.stderr).toBe('');
    expect(d.code).toBe(0);
    expect(f.cloud.domains.get('a.example.com')!.config).toBeUndefined();
    // The read that the save needs goes before the delete.
    const ops = f.cloud.received.map((r) => r.operation).filter((o) => o?.endsWith('DomainHttpsCert'));
    expect(ops).toEqual(['ShowDomainHttpsCert', 'DeleteDomainHttpsCert']);

    const r = await runInProcess(['rollback', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], f.env());
    expect(r.code).toBe(0);
    expect(tls('a.example.com')).toMatchObject({ source: 'scm', cert_id: f.oldId });
  });

  it('deletes nothing when the setting cannot be saved; a dry run neither reads nor saves', async () => {
    const unwritable = join(f.stateHome, 'not-a-directory');
    writeFileSync(unwritable, '');
    const env = { ...f.env(), XDG_STATE_HOME: unwritable };
    const d = await runInProcess(['delete', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl], env);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('could not save the rollback state of a.example.com');
    expect(f.cloud.calls('DeleteDomainHttpsCert')).toHaveLength(0);
    expect(tls('a.example.com')).toMatchObject({ cert_id: f.oldId });

    const reads = f.cloud.calls('ShowDomainHttpsCert').length;
    const dry = await runInProcess(
      ['delete', '--domain', 'a.example.com', '--endpoint', f.cloud.liveUrl, '--dry-run'],
      f.env(),
    );
    expect(dry.code).toBe(0);
    expect(f.cloud.calls('DeleteDomainHttpsCert')).toHaveLength(0);
    expect(f.cloud.calls('ShowDomainHttpsCert')).toHaveLength(reads);
  });
});

describe('update --verify --rollback-on-failure', () => {
  let edge: SniServer;
  beforeEach(async () => {
    // The edge keeps serving the old certificate: the deployment did not take.
    edge = await startSniServer({ cert: pki.read('old.crt'), key: pki.read('old.key') });
  });
  afterEach(async () => {
    await edge.stop();
  });
  const verifying = () => ['--verify', '--connect', `127.0.0.1:${edge.port}`, '--wait', '1s', '--rollback-on-failure'];

  it('puts the previous cert_id back when the domain serves another certificate within --wait', async () => {
    const r = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', ...verifying(), '--json'],
      f.env(),
    );
    expect(r.code).toBe(4);
    const [result] = JSON.parse(r.stdout).results;
    expect(result.verify).toMatchObject({ matched: false });
    expect(result.rollback).toMatchObject({ action: 'restored', restored: { certId: f.oldId } });
    const puts = f.cloud.calls('UpdateDomainHttpsCert');
    expect(puts).toHaveLength(2);
    expect(puts[1]!.json?.['tls_certificate']).toMatchObject({ cert_id: f.oldId });
    expect(tls('a.example.com')).toMatchObject({ cert_id: f.oldId });

    const text = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', ...verifying()],
      f.env(),
    );
    expect(text.code).toBe(4);
    expect(text.stderr).toContain(`rolled back to cert_id ${f.oldId}`);
  });

  it('serves the new one: nothing is rolled back; an uploaded PEM before says it could not be', async () => {
    edge.serve('a.example.com', pki.read('wild.crt') + pki.read('int.crt'), pki.read('wild.key'));
    const ok = await runInProcess(
      ['update', '--domain', 'a.example.com', ...f.certificate, '--via-ccm', ...verifying()],
      f.env(),
    );
    expect(ok.code).toBe(0);
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(1);

    const pem = await runInProcess(
      ['update', '--domain', 'b.example.com', ...f.certificate, '--via-ccm', ...verifying(), '--json'],
      f.env(),
    );
    expect(pem.code).toBe(4);
    expect(JSON.parse(pem.stdout).results[0].rollback).toMatchObject({
      action: 'not-restorable',
      reason: expect.stringContaining('uploaded PEM'),
    });
    expect(f.cloud.calls('UpdateDomainHttpsCert')).toHaveLength(2);
  });
});
