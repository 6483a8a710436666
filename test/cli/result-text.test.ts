// The text of one domain's result for the cases the CLI suites do not reach (a CCM binding verified,
// an unchanged domain verified, an update that sent --always): the typed printers must print what
// the untyped ones printed, byte for byte.
import { describe, expect, it } from 'vitest';
import { okOutcome } from '../../src/cli/commands/outcome.js';
import { uploadText } from '../../src/cli/commands/upload.js';
import { differencesText } from '../../src/cli/output.js';

const leaf = {
  subject: 'CN=a.example.com',
  issuer: 'CN=Test CA',
  names: ['a.example.com'],
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z',
  daysLeft: 30,
  fingerprint256: 'AB:CD',
  chainFingerprints: ['AB:CD'],
  coversDomain: true,
};
const verified = (attempts: number) => ({
  domain: 'a.example.com',
  matched: true,
  expectedFingerprint: 'AB:CD',
  handshake: true,
  attempts,
  address: '127.0.0.1:8443',
});
const upload = {
  action: 'updated' as const,
  requestId: 'req-1',
  local: { certificate: leaf, forceRedirect: true },
  differences: [],
  checks: { ok: true, findings: [] },
};

describe('the text of an upload', () => {
  it('bound to a CCM certificate it imported, then verified', () => {
    const o = okOutcome('a.example.com', '', {
      ...upload,
      ccm: { certName: 'live-a', certId: 'ccm-1', action: 'imported' as const },
      verify: verified(1),
    });
    expect(uploadText(o)).toBe(
      'Bound a.example.com to the CCM certificate live-a (cert_id ccm-1, imported by this run; request id req-1)\n' +
        'Verified: 127.0.0.1:8443 serves the new certificate (after 1 try)\n',
    );
  });

  it('unchanged, verified after several tries', () => {
    const o = okOutcome(
      'a.example.com',
      '',
      { ...upload, action: 'unchanged' as const, verify: verified(3) },
      [],
      'unchanged',
    );
    expect(uploadText(o)).toBe(
      'Unchanged: a.example.com already has this certificate (force_redirect true); nothing was uploaded\n' +
        'Verified: 127.0.0.1:8443 serves the new certificate (after 3 tries)\n',
    );
  });

  it('updated without a request id, and a verify that did not match says nothing more', () => {
    const { requestId: _r, ...rest } = upload;
    const o = okOutcome('a.example.com', '', { ...rest, verify: { ...verified(2), matched: false } });
    expect(uploadText(o)).toBe('Updated the HTTPS certificate of a.example.com (request id n/a)\n');
  });
});

describe('the comparison of a dry run', () => {
  it('with --always: nothing deployed was read, nothing marked as differing', () => {
    const text = differencesText({
      domain: 'a.example.com',
      status: 'ok',
      local: { certificate: leaf, forceRedirect: undefined },
      differences: [],
    });
    expect(text).toBe(
      [
        `${' '.repeat(17)}DEPLOYED${' '.repeat(43)}LOCAL`,
        `  subject         not read (--always)${' '.repeat(31)} CN=a.example.com`,
        `  not after       -${' '.repeat(49)} 2027-01-01T00:00:00.000Z`,
        `  sha-256         -${' '.repeat(49)} AB:CD`,
        `  force_redirect  -${' '.repeat(49)} (API default: false)`,
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('none when the result has no comparison', () => {
    expect(differencesText({ domain: 'a.example.com', status: 'ok' })).toBe('');
  });
});
