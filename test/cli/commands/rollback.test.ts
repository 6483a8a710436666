// live-https-cert rollback, in process against the stateful fake of Live and CCM: the previous
// cert_id comes back, an uploaded PEM or nothing saved says why it cannot. (What delete and
// update --verify --rollback-on-failure save and undo: delete.test.ts, update.test.ts.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../support/run-cli.js';
import { ALL, ccmFixturePerTest } from './ccm-fixture.js';
import { domainOf } from './verifying-fixture.js';

const f = ccmFixturePerTest();
const tls = (domain: string) => f.cloud.domains.get(domain)!.config?.['tls_certificate'] as Record<string, unknown>;

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
