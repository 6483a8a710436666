// Every command and error path, run with known secret values: none of them, and no private key,
// may appear on stdout or stderr (dry-run and --json included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/prism.js';
import { makeCert, newPki, run, type Pki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'SECRETSUITEAK';
const SK = 'SECRET-SUITE-SK-9f8e7d6c5b4a39281706';
const SECURITY_TOKEN = 'SECRET-SUITE-SECURITY-TOKEN-0a1b2c3d4e5f';
const TOKEN = 'SECRET-SUITE-IAM-TOKEN-aabbccddeeff0011';
let pki: Pki;
let server: VerifyingServer;
let refused: string;
const outputs: { args: string[]; text: string }[] = [];

beforeAll(async () => {
  pki = newPki();
  makeCert(pki, { name: 'leaf', domains: ['play.example.com', '*.example.com'], days: 90 });
  run(pki, ['pkey', '-in', 'leaf.key', '-aes256', '-passout', 'pass:x', '-out', 'enc.key']);
  server = await startVerifyingServer({
    keys: { [AK]: SK },
    tokens: [TOKEN],
    reply: (r) =>
      r.url.includes('missing')
        ? { status: 404, body: { error_code: 'LIVE.103011019', error_msg: `echo ${JSON.stringify(r.headers)}` } }
        : r.method === 'GET'
          ? { status: 200, body: {} }
          : { status: 204 },
  });
  refused = `http://127.0.0.1:${await freePort()}`;
});
afterAll(async () => {
  await server.stop();
  pki.cleanup();
});

const aksk = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN,
  HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef',
};
const token = { HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef' };
const wrongSk = { ...aksk, HUAWEICLOUD_SDK_SK: `${SK}-WRONG` };

const runs: [string, () => string[], Record<string, string>][] = [
  [
    'update',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
    ],
    aksk,
  ],
  [
    'update --json',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
      '--json',
    ],
    aksk,
  ],
  [
    'update --dry-run (AK/SK + security token)',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
      '--dry-run',
    ],
    aksk,
  ],
  [
    'update --dry-run --json (token)',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
      '--dry-run',
      '--json',
    ],
    token,
  ],
  [
    'update fleet with failures',
    () => [
      'update',
      '--domain',
      'a.example.com',
      '--domain',
      'missing.example.com',
      '--domain',
      'c.example.org',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
    ],
    aksk,
  ],
  [
    'update fleet --json with failures',
    () => [
      'update',
      '--domain',
      'a.example.com',
      '--domain',
      'missing.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
      '--json',
    ],
    token,
  ],
  [
    'update with an encrypted key',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('enc.key'),
      '--endpoint',
      server.url,
    ],
    aksk,
  ],
  [
    'update with the key as --cert',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.key'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
      '--json',
    ],
    aksk,
  ],
  [
    'update --skip-checks with swapped files',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.key'),
      '--key',
      pki.path('leaf.crt'),
      '--endpoint',
      server.url,
      '--skip-checks',
    ],
    aksk,
  ],
  [
    'update, wrong SK (gateway echoes the canonical request)',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
    ],
    wrongSk,
  ],
  [
    'update, wrong SK, --json',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      server.url,
      '--json',
    ],
    wrongSk,
  ],
  [
    'update, connection refused',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--endpoint',
      refused,
      '--retries',
      '0',
    ],
    aksk,
  ],
  [
    'show (server echoes headers in a 404)',
    () => ['show', '--domain', 'missing.example.com', '--endpoint', server.url],
    token,
  ],
  [
    'show --json (server echoes headers in a 404)',
    () => ['show', '--domain', 'missing.example.com', '--endpoint', server.url, '--json'],
    aksk,
  ],
  ['show --dry-run', () => ['show', '--domain', 'play.example.com', '--endpoint', server.url, '--dry-run'], token],
  ['delete', () => ['delete', '--domain', 'play.example.com', '--endpoint', server.url], aksk],
  [
    'delete --dry-run --json',
    () => ['delete', '--domain', 'play.example.com', '--endpoint', server.url, '--dry-run', '--json'],
    aksk,
  ],
  [
    'delete, connection refused, --json',
    () => ['delete', '--domain', 'play.example.com', '--endpoint', refused, '--retries', '0', '--json'],
    token,
  ],
  [
    'check',
    () => ['check', '--domain', 'play.example.com', '--cert', pki.path('leaf.crt'), '--key', pki.path('leaf.key')],
    aksk,
  ],
  [
    'check --json, wrong domain',
    () => [
      'check',
      '--domain',
      'x.example.org',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--json',
    ],
    aksk,
  ],
  [
    'check with swapped files',
    () => ['check', '--domain', 'play.example.com', '--cert', pki.path('leaf.key'), '--key', pki.path('leaf.crt')],
    aksk,
  ],
  ['a secret passed as a flag', () => ['update', '--domain', 'play.example.com', `--sk=${SK}`], aksk],
  ['an unknown flag', () => ['show', '--domain', 'play.example.com', `--password=${SK}`], aksk],
  ['help', () => ['update', '--help'], aksk],
  // A secret pasted where an id goes (swapped variables, a shifted argument): the error names the
  // value's length, not the value, however short and printable it is.
  [
    'the SK as --project-id',
    () => ['show', '--domain', 'play.example.com', '--project-id', SK, '--endpoint', server.url, '--json'],
    aksk,
  ],
  [
    'the security token as --domain-id',
    () => [
      'update',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--key',
      pki.path('leaf.key'),
      '--via-ccm',
      '--domain-id',
      SECURITY_TOKEN,
      '--endpoint',
      server.url,
    ],
    aksk,
  ],
  [
    'the SK as HUAWEICLOUD_SDK_DOMAIN_ID',
    () => ['show', '--domain', 'play.example.com', '--endpoint', server.url, '--json'],
    { ...aksk, HUAWEICLOUD_SDK_DOMAIN_ID: SK },
  ],
  // The env project id is checked by the operation's validators, whose text error is printed too.
  [
    'the token as HUAWEICLOUD_SDK_PROJECT_ID',
    () => ['status', '--domain', 'play.example.com', '--endpoint', server.url],
    { ...token, HUAWEICLOUD_SDK_PROJECT_ID: TOKEN },
  ],
];

describe('no secret in any output', () => {
  it.each(runs)('%s', async (_name, args, env) => {
    const r = await runCli(args(), env);
    outputs.push({ args: args(), text: r.stdout + r.stderr });
    expect(r.stdout + r.stderr).not.toBe('');
  });

  it('searched every output for the SK, the tokens and any private key', () => {
    expect(outputs).toHaveLength(runs.length);
    const keyBody = pki.read('leaf.key').split('\n')[1]!;
    for (const { args, text } of outputs) {
      for (const secret of [SK, SECURITY_TOKEN, TOKEN, keyBody]) expect(text, args.join(' ')).not.toContain(secret);
      expect(text, args.join(' ')).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    }
    // The search had something to find: the servers did see the secrets.
    expect(server.received.some((r) => r.headers['x-security-token'] === SECURITY_TOKEN)).toBe(true);
    expect(server.received.some((r) => r.headers['x-auth-token'] === TOKEN)).toBe(true);
  });
});
