// Bad input as a new user would give it: a clear message, exit code 2, and nothing sent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, newPki, run, type Pki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'CLIBADINPUTAK';
const SK = 'cli-bad-input-secret-key';
const ENV = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
};
let pki: Pki;
let server: VerifyingServer;

beforeAll(async () => {
  pki = newPki();
  makeCert(pki, { name: 'leaf', domains: ['play.example.com'], days: 90 });
  run(pki, ['x509', '-in', 'leaf.crt', '-outform', 'der', '-out', 'leaf.der']);
  writeFileSync(pki.path('empty.pem'), '');
  writeFileSync(pki.path('huge.pem'), Buffer.alloc(20 * 1024 * 1024, 'A'));
  writeFileSync(pki.path('bom-crlf.crt'), `\ufeff${pki.read('leaf.crt').replace(/\n/g, '\r\n')}`);
  writeFileSync(pki.path('bom-crlf.key'), `\ufeff${pki.read('leaf.key').replace(/\n/g, '\r\n')}`);
  writeFileSync(pki.path('text.txt'), 'this is not a certificate\n');
  mkdirSync(pki.path('a-directory'));
  server = await startVerifyingServer({ keys: { [AK]: SK } });
});
afterAll(async () => {
  // Not one of the bad inputs reached the server.
  expect(
    server.received.filter((r) => !new URL(r.url, 'http://x').searchParams.get('domain')?.startsWith('ok-')),
  ).toEqual([]);
  await server.stop();
  pki.cleanup();
});

const update = (...args: string[]) => ['update', '--domain', 'play.example.com', '--endpoint', server.url, ...args];
const cert = () => ['--cert', pki.path('leaf.crt')];
const key = () => ['--key', pki.path('leaf.key')];

const cases: [string, () => string[], Record<string, string> | undefined, RegExp][] = [
  [
    'a missing certificate file',
    () => update('--cert', pki.path('nope.pem'), ...key()),
    undefined,
    /--cert .*nope\.pem: no such file/,
  ],
  [
    'a missing key file',
    () => update(...cert(), '--key', pki.path('nope.key')),
    undefined,
    /--key .*nope\.key: no such file/,
  ],
  [
    'an unreadable path (a directory)',
    () => update('--cert', pki.path('a-directory'), ...key()),
    undefined,
    /is a directory/,
  ],
  [
    'a DER certificate',
    () => update('--cert', pki.path('leaf.der'), ...key()),
    undefined,
    /looks like binary DER.*openssl x509 -inform der/,
  ],
  [
    'key and certificate swapped',
    () => update('--cert', pki.path('leaf.key'), '--key', pki.path('leaf.crt')),
    undefined,
    /swapped/,
  ],
  ['an empty file', () => update('--cert', pki.path('empty.pem'), ...key()), undefined, /the file is empty/],
  ['a 20 MB file', () => update('--cert', pki.path('huge.pem'), ...key()), undefined, /is 20\.0 MB; .*right file/],
  [
    'a text file that is not PEM',
    () => update('--cert', pki.path('text.txt'), ...key()),
    undefined,
    /no PEM certificate block/,
  ],
  [
    'an unknown flag',
    () => update(...cert(), ...key(), '--certificate', 'x'),
    undefined,
    /Unknown option '--certificate'/,
  ],
  [
    'a secret given as a flag',
    () => update(...cert(), ...key(), '--secret-key=abc'),
    undefined,
    /secrets are never taken as flags/,
  ],
  [
    'a domain of 256 characters',
    () => ['update', '--domain', `${'a'.repeat(252)}.com`, ...cert(), ...key(), '--endpoint', server.url],
    undefined,
    /is 256 characters; the API accepts at most 255/,
  ],
  ['an empty domain', () => ['show', '--domain', '', '--endpoint', server.url], undefined, /is empty/],
  ['no domain at all', () => ['show', '--endpoint', server.url], undefined, /give --domain/],
  [
    'missing credentials',
    () => update(...cert(), ...key()),
    { HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef' },
    /no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/,
  ],
  [
    'an AK without its SK',
    () => update(...cert(), ...key()),
    { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef' },
    /HUAWEICLOUD_SDK_SK is not set/,
  ],
  [
    'no project id with a token (the IAM lookup needs AK/SK)',
    () => update(...cert(), ...key()),
    { HUAWEICLOUD_SDK_AUTH_TOKEN: 'cli-token-value' },
    /no project id/,
  ],
  [
    'no project id in a dry run (the lookup would send a request)',
    () => update(...cert(), ...key(), '--dry-run'),
    { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    /--dry-run: no project id: .*a dry run would send it/,
  ],
  [
    'an unknown --signing-algorithm',
    () => update(...cert(), ...key(), '--signing-algorithm', 'SDK-HMAC-MD5'),
    undefined,
    /--signing-algorithm must be SDK-HMAC-SHA256 or SDK-HMAC-SM3, got "SDK-HMAC-MD5"/,
  ],
  [
    'a region one letter off',
    () => ['show', '--domain', 'play.example.com', '--region', 'cn-nort-4'],
    undefined,
    /unknown region "cn-nort-4" \(did you mean "cn-north-4"\?\)/,
  ],
  [
    'AK/SK and a token both set',
    () => update(...cert(), ...key()),
    { ...ENV, HUAWEICLOUD_SDK_AUTH_TOKEN: 'cli-token-value' },
    /both HUAWEICLOUD_SDK_AK\/SK and HUAWEICLOUD_SDK_AUTH_TOKEN are set/,
  ],
  [
    'a secret key with a trailing line break',
    () => update(...cert(), ...key()),
    { ...ENV, HUAWEICLOUD_SDK_SK: `${SK}\n` },
    /credentials\.secretKey must be text without spaces, line breaks/,
  ],
  ['--cert without --key', () => update(...cert()), undefined, /--key is missing/],
  [
    '--cert and --scm-cert-id together',
    () => update(...cert(), ...key(), '--scm-cert-id', 'x'),
    undefined,
    /either --cert\/--key or --scm-cert-id/,
  ],
  [
    'half of the SM flags',
    () => update('--gm-sign-cert', pki.path('leaf.crt')),
    undefined,
    /needs all of --gm-sign-cert/,
  ],
  [
    'a bad --timeout',
    () => update(...cert(), ...key(), '--timeout', 'soon'),
    undefined,
    /--timeout soon: give a number/,
  ],
  ['a bad --concurrency', () => update(...cert(), ...key(), '--concurrency', '0'), undefined, /--concurrency 0/],
  [
    'an unknown region',
    () => ['show', '--domain', 'play.example.com', '--region', 'mars-1'],
    undefined,
    /unknown region "mars-1"; Live regions are cn-north-4/,
  ],
  ['an unknown command', () => ['upload'], undefined, /unknown command "upload"/],
];

describe('bad input: exit 2, a clear message, nothing sent', () => {
  it.each(cases)('%s', async (_name, args, env, message) => {
    const r = await runCli(args(), env ?? ENV);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('a certificate with a BOM and CRLF lines is accepted, and sent as plain LF PEM', async () => {
    const r = await runCli(
      [
        'update',
        '--domain',
        'ok-bom.example.com',
        '--cert',
        pki.path('bom-crlf.crt'),
        '--key',
        pki.path('bom-crlf.key'),
        '--endpoint',
        server.url,
        '--skip-checks',
      ],
      ENV,
    );
    expect(r.code).toBe(0);
    const sent = JSON.parse(server.received.at(-1)!.body.toString()) as { certificate: string };
    expect(sent.certificate).toBe(pki.read('leaf.crt'));
    const checked = await runCli([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('bom-crlf.crt'),
      '--key',
      pki.path('bom-crlf.key'),
    ]);
    expect(checked.code).toBe(0);
  });
});
