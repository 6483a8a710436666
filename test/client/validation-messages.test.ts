// What a person reads when the generated validators refuse a request: one problem per fault,
// from the branch of a oneOf/anyOf the value was closest to, with the field path, the limit and the
// value's size. (The validators are generated; these are the messages built from their errors.)
import { describe, expect, it } from 'vitest';
import { updateBodyProblems } from '../../src/check/index.js';
import { domainProblems, projectIdProblems } from '../../src/index.js';

const messages = (problems: { field: string; message: string }[]) => problems.map((p) => `${p.field} ${p.message}`);

describe('problems built from the generated validators', () => {
  it.each([
    [{ tls_certificate: { source: 'scm' } }, ['tls_certificate.cert_id is required when source is "scm"']],
    [{ gm_certificate: { source: 'scm' } }, ['gm_certificate.cert_id is required when source is "scm"']],
    [
      { tls_certificate: { certificate: 'c' } },
      ['tls_certificate.certificate_key is missing: give source with cert_id, or certificate_key'],
    ],
    [{ tls_certificate: { source: 'ccm', cert_id: 'x' } }, ['tls_certificate.source must be "scm", got "ccm"']],
    [
      { tls_certificate: { certificate: 'x'.repeat(12_289), certificate_key: 'k' } },
      ['tls_certificate.certificate is 12289 characters; the API accepts at most 12288'],
    ],
    [
      { force_redirect: true },
      ['tls_certificate is missing: give certificate with certificate_key, or tls_certificate, or gm_certificate'],
    ],
    [
      { certificate_format: 'DER', certificate: 'c', certificate_key: 'k' },
      ['certificate_format must be "PEM", got "DER"'],
    ],
    [
      { certificate: 'c', certificate_key: 'k', force_redirect: 'yes' },
      ['force_redirect must be true or false, got string'],
    ],
    ['certificate', ['body must be an object, got string']],
  ])('%j', (body, expected) => {
    expect(messages(updateBodyProblems(body))).toEqual(expected);
  });

  it('lengths are counted in code points, as JSON Schema counts them', () => {
    expect(updateBodyProblems({ tls_certificate: { source: 'scm', cert_id: '😀'.repeat(128) } })).toEqual([]);
    expect(updateBodyProblems({ tls_certificate: { source: 'scm', cert_id: '😀'.repeat(129) } })).toEqual([
      {
        field: 'tls_certificate.cert_id',
        message: 'is 129 characters; the API accepts at most 128',
        rule: 'length',
        limit: 128,
        size: 129,
      },
    ]);
  });

  it('domain and project id', () => {
    expect(messages(domainProblems(''))).toEqual(['domain is empty']);
    expect(messages(domainProblems(`${'a'.repeat(252)}.com`))).toEqual([
      'domain is 256 characters; the API accepts at most 255',
    ]);
    expect(messages(domainProblems('play\uD800.example.com'))[0]).toMatch(
      /^domain holds U\+D800 at position 5, which the API does not accept \(the spec's pattern is /,
    );
    expect(messages(domainProblems('exa mple.com'))[0]).toMatch(
      /^domain holds U\+0020 at position 4, which the API does not accept/,
    );
    expect(messages(domainProblems('a/b.example.com'))[0]).toMatch(
      /^domain holds "\/" \(U\+002F\) at position 2, which/,
    );
    expect(projectIdProblems('0123456789abcdef0123456789abcdef')).toEqual([]);
    expect(messages(projectIdProblems('..'))).toEqual([
      'project_id must match the spec\'s pattern ^[0-9a-f]{32}$, got ".."',
    ]);
  });
});
