// The page's conditional rules are schema in the spec, so Prism enforces them: each invalid
// variant is refused with the violation that names it (sl-violations), and the page's request
// example and every valid variant pass with zero violations. The same variants go through the
// client's generated validators, which must agree with Prism on every one.
import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import type { paths } from '../../generated/schema.js';
import { updateBodyProblems } from '../../src/check/index.js';
import { PAGE_REQUEST_EXAMPLE } from '../support/expected.js';
import { recordingFetch } from '../support/recording-fetch.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const PATH = '/v1/{project_id}/guard/https-cert';

async function putRaw(body: unknown, projectId = PROJECT_ID, domain = 'play.example.com') {
  const recorder = recordingFetch({ 'x-auth-token': 'contract-test-token-not-real' });
  const raw = createClient<paths>({ baseUrl: inject('prismUrl'), fetch: recorder.fetch });
  const { response } = await raw.PUT(PATH, {
    params: { path: { project_id: projectId }, query: { domain } },
    body: body as never,
  });
  const [exchange] = recorder.exchanges;
  return {
    status: response.status,
    violations: (exchange?.violations ?? []) as { location: string[]; code: string; message: string }[],
  };
}

const valid: [string, unknown][] = [
  ["the page's request example", PAGE_REQUEST_EXAMPLE],
  [
    'tls_certificate from CCM',
    { tls_certificate: { source: 'scm', cert_id: 'scs1700000000000', cert_name: 'play-example-com' } },
  ],
  ['tls_certificate of source user', { tls_certificate: { source: 'user', certificate: 'c', certificate_key: 'k' } }],
  ['tls_certificate of the default source', { tls_certificate: { certificate: 'c', certificate_key: 'k' } }],
  ['gm_certificate from CCM', { gm_certificate: { source: 'scm', cert_id: 'scs1' } }],
  [
    'gm_certificate with both pairs',
    {
      gm_certificate: {
        sign_certificate: 'c',
        sign_certificate_key: 'k',
        enc_certificate: 'c',
        enc_certificate_key: 'k',
      },
    },
  ],
  [
    'international and SM together',
    {
      tls_certificate: { source: 'scm', cert_id: 'a' },
      gm_certificate: { source: 'scm', cert_id: 'b' },
      force_redirect: true,
    },
  ],
];

// [rule, body, a violation that must be listed: location under request.body, and code]
const invalid: [string, unknown, string[], string][] = [
  ['scm needs cert_id', { tls_certificate: { source: 'scm' } }, ['tls_certificate'], 'required'],
  [
    'scm needs a non-empty cert_id',
    { tls_certificate: { source: 'scm', cert_id: '' } },
    ['tls_certificate', 'cert_id'],
    'minLength',
  ],
  [
    'user needs certificate_key',
    { tls_certificate: { source: 'user', certificate: 'c' } },
    ['tls_certificate'],
    'required',
  ],
  [
    'the default source needs certificate',
    { tls_certificate: { certificate_key: 'k' } },
    ['tls_certificate'],
    'required',
  ],
  ['GM scm needs cert_id', { gm_certificate: { source: 'scm' } }, ['gm_certificate'], 'required'],
  [
    'GM user needs both pairs',
    { gm_certificate: { sign_certificate: 'c', sign_certificate_key: 'k' } },
    ['gm_certificate'],
    'required',
  ],
  ['at least one certificate', { force_redirect: true }, [], 'required'],
  [
    'a source outside the enum',
    { tls_certificate: { source: 'ccm', cert_id: 'x' } },
    ['tls_certificate', 'source'],
    'enum',
  ],
];

describe('the conditional rules of the page, in the spec, enforced by Prism', () => {
  it.each(valid)('%s: accepted with zero violations, by Prism and by the generated validators', async (_what, body) => {
    const { status, violations } = await putRaw(body);
    expect(violations).toEqual([]);
    expect(status).toBe(200);
    expect(updateBodyProblems(body)).toEqual([]);
  });

  it.each(invalid)(
    '%s: refused by Prism with its violation, and by the generated validators',
    async (_rule, body, location, code) => {
      const { status, violations } = await putRaw(body);
      expect(status).toBe(400);
      expect(violations).toEqual(
        expect.arrayContaining([expect.objectContaining({ location: ['request', 'body', ...location], code })]),
      );
      expect(updateBodyProblems(body)).not.toEqual([]);
    },
  );

  it.each([['not-a-project'], ['0123456789ABCDEF0123456789ABCDEF'], ['0123456789abcdef']])(
    'project_id %j breaks the spec pattern: Prism reports it',
    async (projectId) => {
      const { violations } = await putRaw(PAGE_REQUEST_EXAMPLE, projectId);
      expect(violations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ location: ['request', 'path', 'project_id'], code: 'pattern' }),
        ]),
      );
    },
  );

  it.each([['.'], ['..']])(
    'project_id %j is normalised out of the URL by fetch itself: why the client refuses it before sending',
    async (projectId) => {
      const recorder = recordingFetch({ 'x-auth-token': 'contract-test-token-not-real' });
      const raw = createClient<paths>({ baseUrl: inject('prismUrl'), fetch: recorder.fetch });
      await raw.GET(PATH, { params: { path: { project_id: projectId }, query: { domain: 'play.example.com' } } });
      expect(new URL(recorder.exchanges[0]?.url ?? '').pathname).not.toContain(`/${projectId}/`);
    },
  );
});
