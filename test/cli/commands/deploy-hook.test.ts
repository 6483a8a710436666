// live-https-cert deploy-hook, in process against the stateful fake of Live, as certbot runs it
// (RENEWED_LINEAGE): with --covered the renewed certificate goes to every pull domain, status on,
// that it covers; with named domains those it does not cover are skipped. Against the verifying
// server (which keeps what a PUT stores): named domains from a file, and certbot's retry.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, type Pki, standardPki } from '../../support/certs.js';
import { type FakeCloud, startFakeCloud } from '../../support/fake-cloud.js';
import {
  domainsOf,
  FLEET_AK,
  FLEET_ENV,
  FLEET_PROJECT_ID,
  FLEET_SK,
  OTHER_DOMAINS,
  playDomains,
} from '../../support/fleet-fixture.js';
import { runInProcess } from '../../support/run-cli.js';
import { deployablePkiForBlock, domainOf, ENV, putBody, verifyingServerPerTest } from './verifying-fixture.js';

let pki: Pki;
let cloud: FakeCloud | undefined;
let lineage: string;

beforeAll(() => {
  pki = standardPki();
  makeCert(pki, { name: 'old', domains: ['*.example.com'], days: 20 });
  // certbot's live/<name>/ directory.
  lineage = join(pki.dir, 'live', 'example.com');
  mkdirSync(lineage, { recursive: true });
  writeFileSync(join(lineage, 'fullchain.pem'), pki.read('wild.crt') + pki.read('int.crt'));
  writeFileSync(join(lineage, 'privkey.pem'), pki.read('wild.key'), { mode: 0o600 });
});
afterEach(async () => {
  await cloud?.stop();
  cloud = undefined;
});
afterAll(() => pki.cleanup());

async function start(): Promise<FakeCloud> {
  cloud = await startFakeCloud({
    keys: { [FLEET_AK]: FLEET_SK },
    projectId: FLEET_PROJECT_ID,
    domains: [...playDomains(20, pki.read('old.crt')), ...OTHER_DOMAINS],
  });
  return cloud;
}

const hook = (fake: FakeCloud, ...args: string[]) =>
  runInProcess(['deploy-hook', ...args, '--endpoint', fake.liveUrl], {
    ...FLEET_ENV,
    RENEWED_LINEAGE: lineage,
    RENEWED_DOMAINS: '*.example.com',
  });

const COVERED = playDomains(20, '')
  .filter((d) => d.status === 'on')
  .map((d) => d.domain);

describe('deploy-hook --covered', () => {
  it("uploads certbot's renewed certificate to exactly the covered pull domains with status on", async () => {
    const fake = await start();
    const r = await hook(fake, '--covered', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(domainsOf(fake, 'UpdateDomainHttpsCert').sort()).toEqual([...COVERED].sort());
    expect(fake.calls('ShowDomain')).toHaveLength(1);
    for (const put of fake.calls('UpdateDomainHttpsCert'))
      expect(put.json?.['certificate']).toBe(pki.read('wild.crt') + pki.read('int.crt'));
    const results = (JSON.parse(r.stdout) as { results: { domain: string; status: string; reason?: string }[] })
      .results;
    expect(results.filter((x) => x.status === 'skipped').map((x) => [x.domain, x.reason])).toEqual(
      expect.arrayContaining([
        ['push.example.com', 'a push domain serves no play HTTPS'],
        ['d001.example.com', 'status is off, not on'],
        ['d002.example.com', 'status is configuring, not on'],
        ['deep.a.example.com', 'not covered by the certificate (*.example.com)'],
        ['play.other.example.org', 'not covered by the certificate (*.example.com)'],
      ]),
    );
    expect(results.filter((x) => x.status === 'skipped')).toHaveLength(23 - COVERED.length);
  });

  it('--dry-run lists the targets and sends no change', async () => {
    const fake = await start();
    const r = await hook(fake, '--covered', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    for (const domain of COVERED)
      expect(r.stdout).toMatch(new RegExp(`\\n${domain.replace(/\./g, '\\.')}\\s+ok\\s+dry run`));
    expect(r.stdout).toMatch(/\nd001\.example\.com\s+skipped\s+status is off, not on\n/);
    expect(fake.received.filter((x) => x.method !== 'GET')).toEqual([]);
  });

  it('--covered with --domains-file is refused (exit 2) before anything is sent', async () => {
    const fake = await start();
    writeFileSync(pki.path('domains.txt'), 'd000.example.com\n');
    const r = await hook(fake, '--covered', '--domains-file', pki.path('domains.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--covered takes the domains from the project; it cannot be combined with --domains-file',
    );
    expect(fake.received).toEqual([]);
  });

  it('named domains: the covered ones are updated, the others skipped, without reading the project', async () => {
    const fake = await start();
    const r = await hook(fake, '--domain', 'd003.example.com', '--domain', 'play.other.example.org', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(domainsOf(fake, 'UpdateDomainHttpsCert')).toEqual(['d003.example.com']);
    expect(fake.calls('ShowDomain')).toHaveLength(0);
    expect(JSON.parse(r.stdout).results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          domain: 'play.other.example.org',
          status: 'skipped',
          reason: expect.stringContaining('not covered by the renewed certificate'),
        }),
      ]),
    );
  });
});

describe('deploy-hook against a server that keeps the configuration', () => {
  const certs = deployablePkiForBlock();
  const live = verifyingServerPerTest();

  it("certbot's RENEWED_LINEAGE: uploads fullchain.pem only to the Live domains it covers, skips the others with a note", async () => {
    const endpoint = await live.store();
    const lineage = certs.path('live/example.com');
    mkdirSync(lineage, { recursive: true });
    writeFileSync(`${lineage}/fullchain.pem`, certs.read('wild-chain.crt'));
    writeFileSync(`${lineage}/privkey.pem`, certs.read('wild.key'));
    writeFileSync(
      certs.path('live-domains.txt'),
      'a.example.com\nb.c.example.com\nexample.com\nplay.example.org\nB.Example.com.\n',
    );
    const r = await runInProcess(
      ['deploy-hook', '--domains-file', certs.path('live-domains.txt'), ...endpoint, '--json'],
      {
        ...ENV,
        RENEWED_LINEAGE: lineage,
        RENEWED_DOMAINS: '*.example.com',
      },
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toEqual({ total: 5, ok: 2, unchanged: 0, failed: 0, skipped: 3 });
    expect(
      doc.results
        .filter((x: { status: string }) => x.status === 'skipped')
        .map((x: { domain: string; reason: string }) => [x.domain, x.reason]),
    ).toEqual([
      ['b.c.example.com', expect.stringContaining('not covered')],
      ['example.com', expect.stringContaining('not covered')],
      ['play.example.org', expect.stringContaining('not covered')],
    ]);
    expect(
      live
        .puts()
        .map((r) => domainOf(r.url))
        .sort(),
    ).toEqual(['a.example.com', 'b.example.com']);
    expect(putBody(live.puts()[0]!)['certificate']).toBe(certs.read('wild-chain.crt'));
    // Run again (certbot retries): nothing left to upload.
    const again = await runInProcess(['deploy-hook', '--domains-file', certs.path('live-domains.txt'), ...endpoint], {
      ...ENV,
      RENEWED_LINEAGE: lineage,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 ok, 2 unchanged');
    expect(live.puts()).toHaveLength(2);
  });
});
