// The rollback state on disk: where it lives (XDG_STATE_HOME, else ~/.local/state), its modes
// (0700 directory, 0600 files, whatever the umask), what it keeps (a CCM id; an uploaded PEM only
// by fingerprint), and that no private key ever reaches it, whatever a caller hands in.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { createRollbackState, stateDirectory } from '../../src/ops/rollback-state.js';
import { type Pki, standardPki } from '../support/certs.js';

let pki: Pki;
let root: string;
beforeAll(() => {
  pki = standardPki();
  root = mkdtempSync(join(tmpdir(), 'lhc-state-'));
});
afterAll(() => {
  pki?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('where the rollback state lives', () => {
  it('is $XDG_STATE_HOME/live-https-cert when set and absolute', () => {
    expect(stateDirectory({ XDG_STATE_HOME: '/x/state', HOME: '/home/u' })).toBe('/x/state/live-https-cert');
  });
  it('is ~/.local/state/live-https-cert otherwise (a relative XDG_STATE_HOME is ignored, as XDG says)', () => {
    expect(stateDirectory({ HOME: '/home/u' })).toBe('/home/u/.local/state/live-https-cert');
    expect(stateDirectory({ XDG_STATE_HOME: 'relative', HOME: '/home/u' })).toBe(
      '/home/u/.local/state/live-https-cert',
    );
  });
  it('a relative HOME is a ConfigurationError saying what to set', () => {
    expect(() => stateDirectory({ HOME: 'nowhere' })).toThrow(ConfigurationError);
    expect(() => stateDirectory({ HOME: 'nowhere' })).toThrow(/XDG_STATE_HOME/);
  });
});

describe('what the rollback state keeps', () => {
  it('writes 0600 files in a 0700 directory, even under a permissive umask', async () => {
    const directory = join(root, 'modes', 'live-https-cert');
    const previous = process.umask(0o000);
    try {
      const state = createRollbackState({ directory });
      await state.save('play.example.com', { tls_certificate: { source: 'scm', cert_id: 'scs1' } }, 'update');
    } finally {
      process.umask(previous);
    }
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    const files = readdirSync(directory);
    expect(files).toEqual(['play.example.com.json']);
    expect(statSync(join(directory, files[0]!)).mode & 0o777).toBe(0o600);
  });

  it('keeps a CCM binding by id and an uploaded PEM by fingerprint, a stack per domain', async () => {
    const state = createRollbackState({ env: { XDG_STATE_HOME: join(root, 'xdg') } });
    expect(state.directory).toBe(join(root, 'xdg', 'live-https-cert'));
    expect(await state.latest('play.example.com')).toBeUndefined();
    await state.save(
      'play.example.com',
      { tls_certificate: { source: 'scm', cert_id: 'scs1700000000001', cert_name: 'lhc-old' }, force_redirect: true },
      'update',
    );
    await state.save('play.example.com', { certificate: pki.read('chain.crt'), force_redirect: false }, 'update');
    const top = await state.latest('PLAY.example.com');
    expect(top?.certificate).toMatchObject({ kind: 'uploaded', fingerprint256: expect.stringMatching(/^[0-9A-F:]+$/) });
    await state.pop('play.example.com');
    expect(await state.latest('play.example.com')).toMatchObject({
      certificate: { kind: 'scm', certId: 'scs1700000000001', certName: 'lhc-old' },
      forceRedirect: true,
      before: 'update',
    });
    await state.pop('play.example.com');
    expect(await state.latest('play.example.com')).toBeUndefined();
  });

  it('never writes a private key, even when a caller hands one in', async () => {
    const directory = join(root, 'keys');
    const state = createRollbackState({ directory });
    const key = pki.read('leaf.key');
    await state.save(
      'play.example.com',
      { certificate: pki.read('leaf.crt'), certificate_key: key, force_redirect: false } as never,
      'update',
    );
    const text = readFileSync(join(directory, 'play.example.com.json'), 'utf8');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(key.split('\n')[1]);
    // A cert_id that smuggles a key is refused, not written.
    await expect(
      state.save('evil.example.com', { tls_certificate: { source: 'scm', cert_id: key } }, 'update'),
    ).rejects.toThrow(/private key/);
    expect(readdirSync(directory)).toEqual(['play.example.com.json']);
  });

  it('a domain name cannot leave the directory', async () => {
    const directory = join(root, 'names');
    const state = createRollbackState({ directory });
    await state.save('../../escape', { tls_certificate: { source: 'scm', cert_id: 'scs1' } }, 'update');
    await state.save('..', { tls_certificate: { source: 'scm', cert_id: 'scs2' } }, 'update');
    expect(readdirSync(directory).sort()).toEqual(['%2E%2E%2F..%2Fescape.json', '%2E%2E.json']);
    expect(readdirSync(root)).not.toContain('escape.json');
  });
});
