// A server that echoes the request's credentials back into what becomes an error: the
// Authorization header (its `Signature=<hex>` is valid for its request for minutes), the SK, the
// token, the security token and the private key of the body (armoured and bare). LiveApiError
// (message, error_msg, error_detail, body, toJSON), LiveResponseError (excerpt, message) and the
// records a logger gets at every level must show none of them, on the library and in the CLI.
// Each echo is masked, not dropped: `Signature=[REDACTED]` stays, so the reader sees what was there.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveClient,
  LiveApiError,
  LiveResponseError,
  type LiveClientOptions,
  type LogFields,
  type Logger,
} from '../../src/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { runInProcess } from '../support/run-cli.js';
import { everyForm, failure } from './support.js';

const secret = (prefix: string, bytes = 24) => `${prefix}${randomBytes(bytes).toString('base64url')}`;
const AK = 'ECHOSIGNATUREAK00001';
const SK = secret('EchoSigSecretKey');
const TOKEN = secret('EchoSigIamToken', 300);
const SECURITY_TOKEN = secret('EchoSigSecurityToken', 200);
const PRIVATE_KEY = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const KEY_BODY = PRIVATE_KEY.split('\n').slice(1, -2).join('');
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const SECRETS = { SK, TOKEN, SECURITY_TOKEN, PRIVATE_KEY, KEY_BODY };

/** Every signature value the servers received. */
const signatures: string[] = [];

type Shape = 'api-json' | 'api-text' | 'show-html' | 'status-600' | 'update-html';

/** Everything the request carried, as one line of text a careless server would print. */
function echoOf(req: IncomingMessage, body: Buffer): string {
  const authorization = req.headers.authorization ?? '';
  const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1];
  if (signature) signatures.push(signature);
  const sent = body.length ? (JSON.parse(body.toString()) as { certificate_key?: string }) : {};
  const key = sent.certificate_key ?? '';
  // The SK only to a request signed with it: a server cannot echo a key it never saw used.
  const sk = authorization.includes(AK) ? SK : '';
  return [
    `Authorization: ${authorization}`,
    `X-Auth-Token: ${req.headers['x-auth-token'] ?? ''}`,
    `X-Security-Token: ${req.headers['x-security-token'] ?? ''}`,
    `sk=${sk}`,
    `key=${key}`,
    `bare=${key.split('\n').slice(1, -1).join('')}`,
    // The signature alone, in the form gateways print it.
    `Signature=${signature ?? ''}`,
  ].join(' | ');
}

const servers: Partial<Record<Shape, FaultServer>> = {};

beforeAll(async () => {
  servers['api-json'] = await startFaultServer((req, res, _i, body) => {
    const echo = echoOf(req, body);
    res
      .writeHead(400, { 'content-type': 'application/json', 'x-request-id': `id ${echo.slice(0, 300)}` })
      .end(JSON.stringify({ error_code: 'APIGW.0301', error_msg: `refused: ${echo}`, error_detail: echo }));
  });
  servers['api-text'] = await startFaultServer((req, res, _i, body) => {
    res.writeHead(502, { 'content-type': 'text/html' }).end(`<html><pre>${echoOf(req, body)}</pre></html>`);
  });
  servers['show-html'] = await startFaultServer((req, res, _i, body) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<html>${echoOf(req, body)}</html>`);
  });
  servers['status-600'] = await startFaultServer((req, res, _i, body) => {
    res.writeHead(600, { 'content-type': 'text/plain' }).end(echoOf(req, body));
  });
  servers['update-html'] = await startFaultServer((req, res, _i, body) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${echoOf(req, body)}</p>`);
  });
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.stop()));
});

function recorder(): { logger: Logger; text: () => string; count: () => number } {
  const lines: string[] = [];
  const at = (level: string) => (message: string, fields: LogFields) =>
    lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    text: () => lines.join('\n'),
    count: () => lines.length,
  };
}

/** No secret, no piece of one, and no signature the servers received. */
function expectNothingSecret(text: string): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(text.includes(value), `${name} is shown`).toBe(false);
    // The PEM armour is no secret; the key's body is checked piece by piece as KEY_BODY.
    if (value === PRIVATE_KEY) continue;
    for (let i = 0; i + 16 <= value.length; i += 8)
      expect(text.includes(value.slice(i, i + 16)), `a piece of ${name} is shown`).toBe(false);
  }
  expect(signatures.length).toBeGreaterThan(0);
  for (const signature of signatures) {
    expect(text.includes(signature), 'a signature is shown').toBe(false);
    expect(text.includes(signature.slice(0, 16)), 'a piece of a signature is shown').toBe(false);
  }
}

const CREDENTIALS: Record<string, () => LiveClientOptions['credentials']> = {
  'AK/SK with a security token': () => ({ accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN }),
  'a provider of AK/SK': () => async () => ({ accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN }),
  'a token': () => ({ token: TOKEN }),
};

const body = { certificate: CERTIFICATE, certificate_key: PRIVATE_KEY };
const CASES: { shape: Shape; type: typeof LiveApiError | typeof LiveResponseError; update: boolean }[] = [
  { shape: 'api-json', type: LiveApiError, update: true },
  { shape: 'api-text', type: LiveApiError, update: true },
  { shape: 'show-html', type: LiveResponseError, update: false },
  { shape: 'status-600', type: LiveResponseError, update: true },
  { shape: 'update-html', type: LiveResponseError, update: true },
];

describe.each(Object.keys(CREDENTIALS))('echoed credentials with %s', (kind) => {
  it.each(CASES)('$shape: the error and every log record mask them', async ({ shape, type, update }) => {
    const log = recorder();
    const live = createLiveClient({
      projectId: PROJECT_ID,
      endpoint: servers[shape]!.url,
      credentials: CREDENTIALS[kind]!(),
      retries: 0,
      proxy: false,
      logLevel: 'debug',
      logger: log.logger,
    });
    const before = signatures.length;
    const error = await failure(
      update
        ? live.updateDomainHttpsCert({ domain: 'play.example.com', body })
        : live.showDomainHttpsCert({ domain: 'play.example.com' }),
    );
    expect(error).toBeInstanceOf(type);
    const shown = everyForm(error);
    expectNothingSecret(shown);
    expectNothingSecret(log.text());
    expect(log.count()).toBeGreaterThan(0);
    if (kind !== 'a token') {
      expect(signatures.length).toBe(before + 1);
      // Masked where it was: the reader still sees that the server echoed a signature.
      expect(shown).toContain('Signature=[REDACTED]');
    }
  });
});

describe('the CLI shows the same errors without the echoed credentials', () => {
  it.each(['api-json', 'show-html'] as const)('%s, in text and --json', async (shape) => {
    const env = { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID };
    const args = ['show', '--domain', 'play.example.com', '--endpoint', servers[shape]!.url, '--retries', '0'];
    for (const extra of [[], ['--json'], ['--debug']]) {
      const before = signatures.length;
      const r = await runInProcess([...args, ...extra], env);
      expect(r.code).toBe(1);
      expect(signatures.length).toBe(before + 1);
      expectNothingSecret(r.stdout + r.stderr);
      expect(r.stdout + r.stderr).toContain('Signature=[REDACTED]');
    }
  });
});
