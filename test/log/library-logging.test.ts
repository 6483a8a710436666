// The library's logs against servers on 127.0.0.1 that echo every credential back, in headers
// and bodies: at debug every operation (every row of generated/operations.ts, CCM's on its own
// endpoint, answered 200 and 400; the IAM project lookup, the metadata provider, a proxied call)
// logs what was sent and received, and no secret (SK, token,
// security token, private key, proxy password, metadata-issued credentials, the signature) is in
// any record. The info lines: one per attempt with status, duration and request id; retries with
// reason and delay. A logger that throws, rejects or never answers changes nothing.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClientOperationId, clientOperations } from '../../generated/operations.js';
import {
  ConfigurationError,
  createLiveClient,
  type LiveClient,
  type LogFields,
  type Logger,
  type LogLevel,
  requestIdOf,
} from '../../src/index.js';
import { clearProjectIdCache, metadataCredentials } from '../../src/node/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { type MetadataServer, startMetadataServer } from '../support/metadata-server.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';

const secret = (prefix: string, bytes = 24) => `${prefix}${randomBytes(bytes).toString('base64url')}`;
const SK = secret('LogTestSecretKey');
const TOKEN = secret('LogTestIamToken', 600);
const SECURITY_TOKEN = secret('LogTestSecurityToken', 300);
const PROXY_PASSWORD = secret('LogTestProxyPass');
const META_SK = secret('LogTestMetadataSecret');
const META_TOKEN = secret('LogTestMetadataToken', 200);
const PRIVATE_KEY = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
// The key's base64 body alone, without its PEM armour: an echo a PEM pattern would not catch.
const KEY_BODY = PRIVATE_KEY.split('\n').slice(1, -2).join('');
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const DOMAIN = 'play.example.com';
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const SECRETS = { SK, TOKEN, SECURITY_TOKEN, PROXY_PASSWORD, META_SK, META_TOKEN, PRIVATE_KEY, KEY_BODY };

interface Record_ {
  level: string;
  message: string;
  fields: LogFields;
}

function recorder(): { logger: Logger; records: Record_[]; text: () => string } {
  const records: Record_[] = [];
  const at = (level: string) => (message: string, fields: LogFields) => records.push({ level, message, fields });
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    records,
    text: () => records.map((r) => `${r.message} ${JSON.stringify(r.fields)}`).join('\n'),
  };
}

/** No secret, and no signature the server received, in anything logged. */
function expectNoSecrets(logged: string, signatures: string[]): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(logged.includes(value), `${name} is in the log`).toBe(false);
    // Nor a long piece of it.
    expect(logged.includes(value.slice(4, 28)), `a piece of ${name} is in the log`).toBe(false);
  }
  for (const signature of signatures) expect(logged.includes(signature), 'a signature is in the log').toBe(false);
}

const signaturesSeen: string[] = [];

/** Answers like the API, but echoes every credential header and the body back. */
function echo(req: IncomingMessage, res: ServerResponse, body: Buffer, status = 200): void {
  const headers = req.headers as Record<string, string>;
  const signature = /Signature=([0-9a-f]+)/.exec(headers['authorization'] ?? '')?.[1];
  if (signature) signaturesSeen.push(signature);
  // The SK only to a request signed with it: a server cannot echo a key it never saw used.
  const sk = (headers['authorization'] ?? '').includes('LOGTESTACCESSKEY0001') ? SK : '';
  const echoed = [headers['authorization'], headers['x-auth-token'], headers['x-security-token'], sk].join(' ');
  const out: Record<string, string> = {
    'x-request-id': `req-${signaturesSeen.length}-\t${sk}`,
    'x-echo-all': echoed.replace(/\n/g, ' '),
    'x-echo-authorization': headers['authorization'] ?? '',
    'x-echo-token': headers['x-auth-token'] ?? headers['x-security-token'] ?? '',
    'set-cookie': `session=${TOKEN}`,
    'content-type': 'application/json',
  };
  const sent = body.length ? (JSON.parse(body.toString()) as Record<string, unknown>) : {};
  const key = typeof sent['certificate_key'] === 'string' ? sent['certificate_key'] : PRIVATE_KEY;
  const payload =
    req.method === 'GET' && status === 200
      ? { certificate_format: 'PEM', certificate: CERTIFICATE, certificate_key: key, force_redirect: false }
      : {
          error_code: 'LIVE.100011001',
          error_msg: `echo: ${echoed} ${key.replace(/-----[A-Z ]+-----|\n/g, '')}`,
          echoed: sent,
        };
  // A 200 to PUT has no body in the spec: the echo is in the headers then.
  const empty = status === 204 || (req.method === 'PUT' && status === 200);
  res.writeHead(status, out).end(empty ? undefined : JSON.stringify(payload));
}

let api: FaultServer;
let iam: FaultServer;
let metadata: MetadataServer;
let proxy: TestProxy;

beforeAll(async () => {
  api = await startFaultServer((req, res, _index, body) => {
    const status = req.method === 'DELETE' ? 204 : req.method === 'PUT' && req.url?.includes('refuse') ? 400 : 200;
    echo(req, res, body, status);
  });
  iam = await startFaultServer((req, res) => {
    const signature = /Signature=([0-9a-f]+)/.exec(req.headers.authorization ?? '')?.[1];
    if (signature) signaturesSeen.push(signature);
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'x-iam-trace-id': 'iam-trace-1',
        'x-echo': `${req.headers.authorization} ${req.headers['x-security-token']}`,
      })
      .end(JSON.stringify({ projects: [{ id: PROJECT_ID, name: 'cn-north-4', enabled: true }], links: {} }));
  });
  metadata = await startMetadataServer({
    access: 'METAACCESSKEY0123456',
    secret: META_SK,
    securitytoken: META_TOKEN,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  proxy = await startTestProxy({ auth: { user: 'proxyuser', password: PROXY_PASSWORD } });
});

afterAll(async () => {
  await Promise.all([api?.stop(), iam?.stop(), metadata?.stop(), proxy?.stop()]);
});

afterEach(() => {
  clearProjectIdCache();
  delete process.env['LIVE_HTTPS_CERT_LOG'];
});

const body = { certificate: CERTIFICATE, certificate_key: PRIVATE_KEY };
const client = (logger: Logger, overrides: Record<string, unknown> = {}, logLevel: LogLevel = 'debug') =>
  createLiveClient({
    projectId: PROJECT_ID,
    endpoint: api.url,
    credentials: { accessKey: 'LOGTESTACCESSKEY0001', secretKey: SK, securityToken: SECURITY_TOKEN },
    proxy: false,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    logLevel,
    logger,
    ...overrides,
  });

describe('debug logs show what was sent and received, never a secret', () => {
  it('update, show and delete with AK/SK and a security token, the server echoing everything', async () => {
    const log = recorder();
    const live = client(log.logger);
    await live.updateDomainHttpsCert({ domain: DOMAIN, body });
    const shown = await live.showDomainHttpsCert({ domain: DOMAIN }).catch((e: unknown) => e);
    await live.deleteDomainHttpsCert({ domain: DOMAIN });
    await live.updateDomainHttpsCert({ domain: 'refuse.example.com', body }).catch((e: unknown) => e);
    const logged = log.text();
    expectNoSecrets(logged, signaturesSeen);
    expect(signaturesSeen.length).toBeGreaterThanOrEqual(4);
    // What debug is for: the canonical request and string to sign, headers and bodies.
    const messages = log.records.map((r) => r.message);
    expect(messages.some((m) => m.startsWith(`canonical request of PUT /v1/${PROJECT_ID}/guard/https-cert`))).toBe(
      true,
    );
    const canonical = log.records.find((r) => r.message.startsWith('canonical request'))!;
    expect(canonical.fields['canonicalRequest']).toMatch(/^PUT\n\/v1\/[0-9a-f]{32}\/guard\/https-cert\/\ndomain=/);
    expect(canonical.fields['canonicalRequest']).toContain('x-security-token:***');
    expect(messages.some((m) => m.startsWith('string to sign of PUT') && m.includes('SDK-HMAC-SHA256\n'))).toBe(true);
    const requestHeaders = log.records.find((r) => r.message.startsWith('request headers of PUT'))!;
    expect(requestHeaders.fields['headers']).toMatchObject({
      authorization: expect.stringMatching(
        /^SDK-HMAC-SHA256 Access=LOGT\*\*\*, SignedHeaders=[a-z;-]+, Signature=\*\*\*$/,
      ),
      'x-security-token': '***',
    });
    const requestBody = log.records.find((r) => r.message.startsWith('request body of PUT'))!;
    expect(JSON.parse(requestBody.fields['body'] as string)).toEqual({
      certificate: CERTIFICATE,
      certificate_key: '***',
    });
    const responseHeaders = log.records.find((r) => r.message.startsWith('response headers of PUT'))!;
    expect(responseHeaders.fields['headers']).toMatchObject({ 'set-cookie': '***' });
    expect(messages.some((m) => m.startsWith('response body of GET'))).toBe(true);
    // The shown data carries the echoed key (the server lied); the log does not.
    expect(shown).toBeDefined();
  });

  it('token credentials: the token is masked in headers and redacted from echoes', async () => {
    const log = recorder();
    const live = client(log.logger, { credentials: { token: TOKEN } });
    await live.updateDomainHttpsCert({ domain: DOMAIN, body });
    expectNoSecrets(log.text(), signaturesSeen);
    const headers = log.records.find((r) => r.message.startsWith('request headers of PUT'))!;
    expect(headers.fields['headers']).toMatchObject({ 'x-auth-token': '***' });
  });

  it('the IAM project lookup and the metadata provider log their calls, and which source gave credentials', async () => {
    const log = recorder();
    const live = client(log.logger, {
      projectId: undefined,
      iamEndpoint: iam.url,
      credentials: metadataCredentials({ endpoint: metadata.url, logLevel: 'debug', logger: log.logger }),
    });
    await live.showDomainHttpsCert({ domain: DOMAIN }).catch(() => undefined);
    expectNoSecrets(log.text(), signaturesSeen);
    const info = log.records.filter((r) => r.level === 'info').map((r) => r.message);
    expect(
      info.some((m) => /^PUT http:\/\/127\.0\.0\.1:\d+\/meta-data\/latest\/api\/token -> 200 in \d+ ms$/.test(m)),
    ).toBe(true);
    expect(
      info.some((m) =>
        /^GET \/v3\/projects\?name=cn-north-4 -> 200 in \d+ ms \(attempt 1\/3, request id iam-trace-1\)$/.test(m),
      ),
    ).toBe(true);
    expect(log.records.some((r) => r.fields['credentialSource'] === 'metadata')).toBe(true);
    expect(log.records.find((r) => r.fields['operation'] === 'KeystoneListProjects')).toBeDefined();
  });

  it('a call through a proxy names the proxy, never its password', async () => {
    const log = recorder();
    const live = client(log.logger, {
      proxy: `http://proxyuser:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`,
    });
    await live.deleteDomainHttpsCert({ domain: DOMAIN });
    expect(proxy.seen.length).toBeGreaterThan(0);
    expectNoSecrets(log.text(), signaturesSeen);
    expect(log.records.some((r) => r.message.includes(`through the proxy http://***@127.0.0.1:${proxy.port}`))).toBe(
      true,
    );
  });
});

// Every operation of generated/operations.ts, by its id. Checked against the table at run time
// (not by the type: a spec edit must still compile, see regenerate-flow.test.ts), so an operation
// added to the spec fails this test until it has a call here: it runs every library operation.
const EVERY_OPERATION: Partial<Record<ClientOperationId, (live: LiveClient) => Promise<unknown>>> = {
  ShowDomainHttpsCert: (live) => live.showDomainHttpsCert({ domain: DOMAIN }),
  UpdateDomainHttpsCert: (live) => live.updateDomainHttpsCert({ domain: DOMAIN, body }),
  DeleteDomainHttpsCert: (live) => live.deleteDomainHttpsCert({ domain: DOMAIN }),
  ShowDomain: (live) => live.showDomain({ domain: DOMAIN }),
  ShowCertificateInfo: (live) => live.showCertificateInfo({ play_domain: DOMAIN, offset: 0, limit: 10 }),
  ImportCertificate: (live) =>
    live.importCertificate({
      body: { name: 'log-test-cert', certificate: CERTIFICATE, private_key: PRIVATE_KEY, enc_private_key: PRIVATE_KEY },
    }),
  ListCertificates: (live) => live.listCertificates({ content: 'log-test', limit: 10, offset: 0 }),
};

/** A valid answer of each operation, with the echo of every credential in an extra field. */
function answerOf(operation: ClientOperationId, echoed: string, key: string): unknown {
  switch (operation) {
    case 'ShowDomain':
      return {
        total: 1,
        domain_info: [{ domain: DOMAIN, domain_type: 'pull', status: 'on', status_describe: echoed }],
        echo: echoed,
      };
    case 'ShowCertificateInfo':
      return {
        total: 1,
        certificates_info: [{ play_domain: DOMAIN, source: 'user', cert_name: 'x', cert_id: '', echo: echoed }],
      };
    case 'ImportCertificate':
      return { certificate_id: 'scs1700000000001', echo: `${echoed} ${key}` };
    case 'ListCertificates':
      return { total_count: 1, certificates: [{ id: 'scs1700000000001', name: 'log-test-cert', echo: echoed }] };
    default:
      // A lying server: the key it should never return, in the field the spec marks sensitive.
      return {
        certificate_format: 'PEM',
        certificate: CERTIFICATE,
        certificate_key: PRIVATE_KEY,
        force_redirect: false,
      };
  }
}

/** Answers each operation (status chosen by the test), echoing every credential in headers and body. */
async function operationEcho(service: 'live' | 'scm', status: () => number): Promise<FaultServer> {
  return startFaultServer((req, res, _index, sent) => {
    const headers = req.headers as Record<string, string>;
    const signature = /Signature=([0-9a-f]+)/.exec(headers['authorization'] ?? '')?.[1];
    if (signature) signaturesSeen.push(signature);
    const sk = (headers['authorization'] ?? '').includes('LOGTESTACCESSKEY0001') ? SK : '';
    const echoed = [headers['authorization'], headers['x-auth-token'], headers['x-security-token'], sk].join(' ');
    const json = sent.length ? (JSON.parse(sent.toString()) as Record<string, unknown>) : {};
    const given = (json['certificate_key'] ?? json['private_key']) as string | undefined;
    // The key this request carried, echoed bare (no armour, one line): what a careless server prints.
    const key = (given ?? '').replace(/-----[A-Z ]+-----|\n/g, '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const operation = (Object.keys(clientOperations) as ClientOperationId[]).find((id) => {
      const row = clientOperations[id];
      const pattern = new RegExp(`^${row.path.replace('{project_id}', '[0-9a-f]{32}')}$`);
      return row.service === service && row.method === req.method && pattern.test(path);
    });
    const out = {
      'content-type': 'application/json',
      'x-request-id': `op-${signaturesSeen.length} ${sk}`,
      'x-echo-all': echoed,
      'set-cookie': `session=${TOKEN}`,
    };
    const code = status();
    if (operation === undefined || code >= 400) {
      return void res
        .writeHead(operation === undefined ? 404 : code, out)
        .end(
          JSON.stringify({ error_code: 'LIVE.100011001', error_msg: `echo: ${echoed} ${key}`, error_detail: echoed }),
        );
    }
    if (operation === 'DeleteDomainHttpsCert') return void res.writeHead(204, out).end();
    if (operation === 'UpdateDomainHttpsCert') return void res.writeHead(200, out).end();
    res.writeHead(200, out).end(JSON.stringify(answerOf(operation, echoed, key)));
  });
}

describe('every library operation at debug, each service on its own echoing endpoint', () => {
  const credentials: Record<string, () => Record<string, unknown>> = {
    'AK/SK with a security token': () => ({
      credentials: { accessKey: 'LOGTESTACCESSKEY0001', secretKey: SK, securityToken: SECURITY_TOKEN },
    }),
    'a token': () => ({ credentials: { token: TOKEN } }),
    'the metadata service': () => ({ credentials: metadataCredentials({ endpoint: metadata.url }) }),
  };
  it('has a call for every operation of the generated table', () => {
    expect(Object.keys(EVERY_OPERATION).sort()).toEqual(Object.keys(clientOperations).sort());
  });

  for (const [kind, given] of Object.entries(credentials)) {
    it(`with ${kind}: answered 200 and 400, no secret in any record`, async () => {
      let status = 200;
      const live = await operationEcho('live', () => status);
      const scm = await operationEcho('scm', () => status);
      try {
        for (const answer of [200, 400]) {
          status = answer;
          const log = recorder();
          const client_ = client(log.logger, { endpoint: live.url, endpoints: { scm: scm.url }, ...given() });
          for (const [operation, call] of Object.entries(EVERY_OPERATION)) {
            if (call === undefined) continue;
            const outcome = await call(client_).then(
              () => 'ok',
              (e: unknown) => (e as Error).name,
            );
            expect(outcome, `${operation} answered ${answer}`).toBe(answer === 200 ? 'ok' : 'LiveApiError');
            // Its calls were logged at debug: what was sent and what came back.
            const own = log.records.filter((r) => r.fields['operation'] === operation);
            expect(
              own.some((r) => r.message.startsWith('request headers of ')),
              operation,
            ).toBe(true);
            expect(
              own.some((r) => r.message.startsWith('response headers of ')),
              operation,
            ).toBe(true);
            expect(
              own.some(
                (r) => r.level === 'info' && / -> \d{3} in \d+ ms \(attempt 1\/3, request id op-/.test(r.message),
              ),
              operation,
            ).toBe(true);
          }
          expectNoSecrets(log.text(), signaturesSeen);
          // The key fields of every body that carries one are masked in the request bodies logged.
          const importBody = log.records.find(
            (r) => r.fields['operation'] === 'ImportCertificate' && r.message.startsWith('request body of '),
          )!;
          expect(JSON.parse(importBody.fields['body'] as string)).toMatchObject({
            private_key: '***',
            enc_private_key: '***',
          });
        }
        // CCM is its own service: its two operations went to its own endpoint, and only they did.
        expect(scm.count).toBe(4);
      } finally {
        await Promise.all([live.stop(), scm.stop()]);
      }
    });
  }
});

describe('info: one line per attempt, retries with their reason and delay', () => {
  it('a 503 then a 200: two attempt lines with status, duration and request id, and the retry between', async () => {
    let n = 0;
    const flaky = await startFaultServer((_req, res) => {
      n++;
      res.writeHead(n === 1 ? 503 : 200, { 'x-request-id': `flaky-${n}` }).end();
    });
    try {
      const log = recorder();
      const live = client(log.logger, { endpoint: flaky.url }, 'info');
      const result = await live.updateDomainHttpsCert({ domain: DOMAIN, body });
      expect(result.requestId).toBe('flaky-2');
      const lines = log.records.map((r) => `${r.level} ${r.message}`);
      const path = `/v1/${PROJECT_ID}/guard/https-cert?domain=${DOMAIN}`;
      expect(lines[0]).toMatch(
        new RegExp(
          `^info PUT ${path.replace(/[?.]/g, '\\$&')} -> 503 in \\d+ ms \\(attempt 1/3, request id flaky-1\\)$`,
        ),
      );
      expect(lines[1]).toMatch(/^info retrying UpdateDomainHttpsCert in \d+ ms \(retry 1 of 2\): HTTP 503$/);
      expect(lines[2]).toMatch(/-> 200 in \d+ ms \(attempt 2\/3, request id flaky-2\)$/);
      expect(lines).toHaveLength(3);
      expect(log.records[2]!.fields).toMatchObject({
        operation: 'UpdateDomainHttpsCert',
        attempt: 2,
        attempts: 3,
        method: 'PUT',
        path,
        status: 200,
        requestId: 'flaky-2',
        durationMs: expect.any(Number),
      });
    } finally {
      await flaky.stop();
    }
  });

  it("a wait for the client's pace is logged with its length and why", async () => {
    const log = recorder();
    // 600 a minute: one start every 100 ms; the second call waits its turn.
    const live = client(log.logger, { requestsPerMinute: 600 }, 'info');
    await Promise.all([
      live.deleteDomainHttpsCert({ domain: DOMAIN }),
      live.deleteDomainHttpsCert({ domain: 'www.example.com' }),
    ]);
    const waits = log.records.filter((r) => r.message.startsWith('waited '));
    expect(waits).toHaveLength(1);
    expect(waits[0]!.message).toMatch(
      /^waited \d+ ms before DeleteDomainHttpsCert: the client's pace is one request every 100 ms \(requestsPerMinute\)$/,
    );
    expect(waits[0]!.fields['delayMs']).toBeGreaterThan(0);
    expect(log.records.filter((r) => / -> 204 in \d+ ms/.test(r.message))).toHaveLength(2);
  });

  it('a connection refused: a failed attempt line, then the retry with its reason', async () => {
    const gone = await startFaultServer(() => undefined);
    await gone.stop();
    const log = recorder();
    const live = client(log.logger, { endpoint: gone.url, retries: 1 }, 'info');
    await expect(live.deleteDomainHttpsCert({ domain: DOMAIN })).rejects.toThrow();
    const lines = log.records.map((r) => r.message);
    expect(lines[0]).toMatch(/^DELETE \/v1\/.* -> failed after \d+ ms: .*ECONNREFUSED.* \(attempt 1\/2\)$/);
    expect(lines[1]).toMatch(/^retrying DeleteDomainHttpsCert in \d+ ms \(retry 1 of 1\): .*ECONNREFUSED/);
    expect(lines[2]).toMatch(/\(attempt 2\/2\)$/);
  });

  it('warn (the default) says nothing about a call that went well; off says nothing at all', async () => {
    const log = recorder();
    await client(log.logger, {}, 'warn').deleteDomainHttpsCert({ domain: DOMAIN });
    await client(log.logger, {}, 'off').deleteDomainHttpsCert({ domain: DOMAIN });
    expect(log.records).toEqual([]);
  });

  it('LIVE_HTTPS_CERT_LOG sets the level when logLevel is not given; a bad value is a clear error', async () => {
    const log = recorder();
    process.env['LIVE_HTTPS_CERT_LOG'] = 'info';
    await createLiveClient({
      projectId: PROJECT_ID,
      endpoint: api.url,
      credentials: { token: TOKEN },
      logger: log.logger,
    }).deleteDomainHttpsCert({ domain: DOMAIN });
    expect(log.records.map((r) => r.level)).toEqual(['info']);
    process.env['LIVE_HTTPS_CERT_LOG'] = 'verbose';
    expect(() => createLiveClient({ projectId: PROJECT_ID, credentials: { token: TOKEN } })).toThrow(
      new ConfigurationError(
        'LIVE_HTTPS_CERT_LOG',
        'LIVE_HTTPS_CERT_LOG must be one of off, error, warn, info, debug, got "verbose"',
      ),
    );
    delete process.env['LIVE_HTTPS_CERT_LOG'];
    expect(() =>
      createLiveClient({ projectId: PROJECT_ID, credentials: { token: TOKEN }, logger: {} as Logger }),
    ).toThrow(/logger must be an object with debug, info, warn and error methods/);
  });
});

describe('a logger never breaks or delays a call', () => {
  const loggers: Record<string, Logger> = {
    throws: {
      debug: () => {
        throw new Error('logger down');
      },
      info: () => {
        throw new Error('logger down');
      },
      warn: () => undefined,
      error: () => undefined,
    },
    // Never settles: awaiting it would hang the call (and the test).
    'never answers': {
      debug: () => new Promise(() => undefined),
      info: () => new Promise(() => undefined),
      warn: () => undefined,
      error: () => undefined,
    },
    rejects: {
      debug: () => Promise.reject(new Error('async logger down')),
      info: () => Promise.reject(new Error('async logger down')),
      warn: () => undefined,
      error: () => undefined,
    },
  };
  for (const [name, logger] of Object.entries(loggers)) {
    it(`a logger that ${name}`, async () => {
      const live = client(logger);
      await expect(live.deleteDomainHttpsCert({ domain: DOMAIN })).resolves.toMatchObject({
        requestId: expect.any(String),
      });
    });
  }

  it('pino (fields first): the record is (fields, message)', async () => {
    const calls: unknown[][] = [];
    const pinoLike = {
      levelVal: 20,
      bindings: () => ({}),
      debug: (...args: unknown[]) => calls.push(args),
      info: (...args: unknown[]) => calls.push(args),
      warn: (...args: unknown[]) => calls.push(args),
      error: (...args: unknown[]) => calls.push(args),
    };
    await client(pinoLike, {}, 'info').deleteDomainHttpsCert({ domain: DOMAIN });
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toMatchObject({ operation: 'DeleteDomainHttpsCert', status: 204 });
    expect(calls[0]![1]).toMatch(/^DELETE .* -> 204 in \d+ ms/);
  });
});

describe('request ids', () => {
  it('are sanitised everywhere; show results carry theirs out of sight of the typed data', async () => {
    const live = client(recorder().logger, {}, 'off');
    const updated = await live.updateDomainHttpsCert({
      domain: DOMAIN,
      body: { certificate: CERTIFICATE, certificate_key: 'k' },
    });
    // The echo server puts a tab and the SK in its request id.
    expect(updated.requestId).toMatch(/^req-\d+- \[REDACTED\]$/);
    const shown = await live.showDomainHttpsCert({ domain: DOMAIN });
    expect(requestIdOf(shown)).toMatch(/^req-\d+- \[REDACTED\]$/);
    expect((shown as { requestId?: string }).requestId).toBe(requestIdOf(shown));
    expect(Object.keys(shown)).toEqual(['certificate_format', 'certificate', 'certificate_key', 'force_redirect']);
    expect(JSON.stringify(shown)).not.toContain('req-');
  });
});
