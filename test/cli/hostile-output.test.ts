// A hostile server on 127.0.0.1 puts carriage returns, ANSI colours, OSC window titles, C1
// controls and a fake green "Updated ..." line into every string it provides (issue 8, item 6):
// error_code, error_msg, cert_id, cert_name, the certificate's own names. The CLI prints none of
// them raw, in human output or in JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const TOKEN = 'HOSTILE-OUTPUT-IAM-TOKEN-0123456789';
const ENV = { HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' };
const FAKE =
  '\r\u001b[2K\u001b[32mUpdated the HTTPS certificate of play.example.com (request id 42)\u001b[0m\u001b]0;owned\u0007\u009b31m\u009d8;;http://evil\u009c\n';
// Unicode format (Cf) characters: invisible, joining, direction marks; and the line/paragraph separators.
const INVISIBLE = '\u061c\u200b\u200d\u2060\ufeff\u00ad\u2028\u2029\u{e0041}';
const FORMAT_OR_SEPARATOR = /[\p{Cf}\u2028\u2029]/u;
let pki: Pki;
let server: VerifyingServer;

beforeAll(async () => {
  pki = newPki();
  makeCert(pki, {
    name: 'evil',
    // eslint-disable-next-line no-control-regex
    domains: [`play.example.com`, `x${FAKE.replace(/[^\x20-\x7e\u001b\u0007]/g, '')}.example.com`.slice(0, 60)],
    days: 20,
  });
  server = await startVerifyingServer({
    tokens: [TOKEN],
    reply: (r) => {
      const domain = new URL(r.url, 'http://x').searchParams.get('domain');
      if (domain === 'error.example.com')
        return { status: 400, body: { error_code: `LIVE.100011001${FAKE}`, error_msg: `refused${FAKE}` } };
      if (domain === 'breaks.example.com' && r.method === 'GET')
        return {
          status: 200,
          body: {
            certificate_format: 'PEM',
            certificate: pki.read('evil.crt'),
            certificate_key: '',
            force_redirect: false,
            tls_certificate: {
              source: 'scm',
              cert_id: `scs1\nerror: forged by the server\r\nerror: again${INVISIBLE}`,
              cert_name: `name${INVISIBLE}\u2028error: forged\u2029x`,
            },
            gm_certificate: { source: 'scm', cert_id: `gm${INVISIBLE}`, cert_name: `gm\nerror: forged gm${INVISIBLE}` },
          },
        };
      if (r.method !== 'GET') return { status: 204 };
      return {
        status: 200,
        body: {
          certificate_format: 'PEM',
          certificate: pki.read('evil.crt'),
          certificate_key: '',
          force_redirect: false,
          tls_certificate: {
            source: 'scm',
            cert_id: `scs1${FAKE}`,
            cert_name: `name${FAKE}`,
            certificate: pki.read('evil.crt'),
          },
          gm_certificate: { source: 'scm', cert_id: `gm${FAKE}`, cert_name: `gm${FAKE}` },
        },
      };
    },
  });
});
afterAll(async () => {
  await server.stop();
  pki.cleanup();
});

const clean = (text: string) => {
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\r\u0007\u001b\u009b\u009c\u009d]/);
  // Not even as JSON escapes that a later `jq -r` would turn back into controls. (An escaped
  // backslash before "u001b" is plain text: Node itself prints odd certificate names that way.)
  expect(text).not.toMatch(/(?<!\\)\\(u00(1b|1B|07|9b|9B|9d|9D|9c|9C)|r)/);
  expect(text).not.toMatch(/^Updated the HTTPS certificate of play\.example\.com \(request id 42\)/m);
};

describe('server text never reaches the terminal raw', () => {
  const common = () => ['--endpoint', server.url];
  it.each([
    ['update (API error)', ['update', '--domain', 'error.example.com', '--scm-cert-id', 'scs1', '--always']],
    ['show (API error)', ['show', '--domain', 'error.example.com']],
    ['delete (API error)', ['delete', '--domain', 'error.example.com']],
    ['status (API error)', ['status', '--domain', 'error.example.com']],
    ['show (hostile data)', ['show', '--domain', 'play.example.com']],
    ['status (hostile data)', ['status', '--domain', 'play.example.com']],
    ['status fleet', ['status', '--domain', 'play.example.com', '--domain', 'error.example.com']],
    ['show fleet', ['show', '--domain', 'play.example.com', '--domain', 'error.example.com']],
    [
      'update (read-compare-write over hostile data)',
      ['update', '--domain', 'play.example.com', '--scm-cert-id', 'scs2', '--dry-run'],
    ],
  ])('%s, human and --json', async (_name, args) => {
    const human = await runCli([...args, ...common()], ENV);
    clean(human.stdout);
    clean(human.stderr);
    expect(human.stdout + human.stderr).toMatch(/LIVE\.100011001|scs1|play\.example\.com/);
    const json = await runCli([...args, ...common(), '--json'], ENV);
    clean(json.stdout);
    clean(json.stderr);
    const doc = JSON.parse(json.stdout);
    expect(doc).toHaveProperty('summary');
  });

  it('the words are kept, only the controls go', async () => {
    const r = await runCli(['status', '--domain', 'play.example.com', '--json', ...common()], ENV);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.certId).toMatch(/^scs1 +Updated the HTTPS certificate of play\.example\.com \(request id 42\)/);
    const e = await runCli(['show', '--domain', 'error.example.com', '--json', ...common()], ENV);
    expect(JSON.parse(e.stdout).results[0].error.errorMsg).toMatch(/^refused +Updated the HTTPS/);
  });
});

describe('server text carries no line break and no invisible character', () => {
  it.each([
    ['show', ['show', '--domain', 'breaks.example.com']],
    ['status', ['status', '--domain', 'breaks.example.com']],
    ['show fleet', ['show', '--domain', 'breaks.example.com', '--domain', 'play.example.com']],
  ])('%s, human and --json', async (_name, args) => {
    const human = await runCli([...args, '--endpoint', server.url], ENV);
    expect(human.stdout + human.stderr).toContain(args.length > 3 ? 'breaks.example.com' : 'scs1');
    // The server's words stay, on the line of the field they came in.
    expect(human.stdout + human.stderr).not.toMatch(/^\s*error: (forged|again)/m);
    expect(human.stdout + human.stderr).not.toMatch(FORMAT_OR_SEPARATOR);
    const json = await runCli([...args, '--endpoint', server.url, '--json'], ENV);
    expect(json.stdout).toContain('scs1');
    expect(json.stdout).not.toMatch(FORMAT_OR_SEPARATOR);
    expect(json.stdout).not.toMatch(/\\u(061c|200b|200d|2060|feff|00ad|2028|2029|db40)/i);
    expect(JSON.stringify(JSON.parse(json.stdout))).not.toMatch(FORMAT_OR_SEPARATOR);
  });
});
