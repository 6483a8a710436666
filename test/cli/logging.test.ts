// The CLI's logs, in process (runCli with the io injected): every command that talks to the API
// (domains, status --all and update --covered included, so every operation the CLI uses) at --debug, against a server on 127.0.0.1 that echoes every credential back in its headers and
// bodies, with the credentials in the environment, a token, a proxy with a password and the
// metadata service's temporary credentials: no secret in stderr, and stdout still one clean JSON
// document. --verbose: one line per attempt with status, duration and request id.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Pki, standardPki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { type MetadataServer, startMetadataServer } from '../support/metadata-server.js';
import { startSniServer, type SniServer } from '../support/tls-server.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';

const secret = (prefix: string, bytes = 24) => `${prefix}${randomBytes(bytes).toString('base64url')}`;
const AK = 'CLILOGACCESSKEY00001';
const SK = secret('CliLogSecretKey');
const SECURITY_TOKEN = secret('CliLogSecurityToken', 300);
const TOKEN = secret('CliLogIamToken', 600);
const PROXY_PASSWORD = secret('CliLogProxyPass');
const META_SK = secret('CliLogMetadataSecret');
const META_TOKEN = secret('CliLogMetadataToken', 200);
const PROJECT_ID = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const DOMAIN = 'play.example.com';

let pki: Pki;
let api: FaultServer;
let tls: SniServer;
let metadata: MetadataServer;
let proxy: TestProxy;
let privateKey: string;
const deployed = new Map<string, string>();
let requests = 0;
/** The paths the API server was asked for, to see that every operation of the CLI ran. */
const paths: string[] = [];

beforeAll(async () => {
  pki = standardPki();
  privateKey = pki.read('leaf.key');
  // Keeps what a PUT stores (as the API does, key blanked) and echoes every credential it got.
  api = await startFaultServer((req, res, _index, body) => {
    requests++;
    const h = req.headers as Record<string, string>;
    const echoed = [h['authorization'], h['x-auth-token'], h['x-security-token']].filter(Boolean).join(' ');
    const headers = {
      'content-type': 'application/json',
      'x-request-id': `cli-req-${requests}`,
      'x-echo': echoed,
      'set-cookie': `sid=${h['x-auth-token'] ?? h['x-security-token'] ?? ''}`,
    };
    const url = new URL(req.url ?? '/', 'http://x');
    paths.push(`${req.method} ${url.pathname}`);
    const domain = url.searchParams.get('domain') ?? '';
    // The project's domains (ShowDomain) and their certificates (ShowCertificateInfo), for domains,
    // status --all and --covered; each echoes the credentials in a field as well.
    if (req.method === 'GET' && /^\/v1\/[0-9a-f]{32}\/domain$/.test(url.pathname)) {
      return void res.writeHead(200, headers).end(
        JSON.stringify({
          total: 1,
          domain_info: [{ domain: DOMAIN, domain_type: 'pull', status: 'on', status_describe: echoed, echo: echoed }],
        }),
      );
    }
    if (req.method === 'GET' && /^\/v2\/[0-9a-f]{32}\/certificates$/.test(url.pathname)) {
      return void res.writeHead(200, headers).end(
        JSON.stringify({
          total: 1,
          certificates_info: [
            {
              play_domain: DOMAIN,
              start_time: '2024-01-01T00:00:00Z',
              expire_time: '2099-01-01T00:00:00Z',
              cert_type: 0,
              source: 'user',
              cert_name: '',
              cert_id: '',
              echo: echoed,
            },
          ],
        }),
      );
    }
    if (req.method === 'PUT') {
      const sent = JSON.parse(body.toString()) as Record<string, unknown>;
      deployed.set(domain, String(sent['certificate'] ?? ''));
      return void res.writeHead(200, headers).end();
    }
    if (req.method === 'DELETE') return void res.writeHead(204, headers).end();
    res.writeHead(200, headers).end(
      JSON.stringify({
        certificate_format: 'PEM',
        certificate: deployed.get(domain) ?? '',
        // A server that lies: the key it should never return, and what it was sent.
        certificate_key: privateKey,
        force_redirect: false,
      }),
    );
  });
  tls = await startSniServer({ cert: pki.read('other.crt'), key: pki.read('other.key') });
  tls.serve(DOMAIN, pki.read('chain.crt'), pki.read('leaf.key'));
  metadata = await startMetadataServer({
    access: 'CLILOGMETAACCESS0001',
    secret: META_SK,
    securitytoken: META_TOKEN,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  proxy = await startTestProxy({ auth: { user: 'cliuser', password: PROXY_PASSWORD } });
});

afterAll(async () => {
  await Promise.all([api?.stop(), tls?.stop(), metadata?.stop(), proxy?.stop()]);
  pki?.cleanup();
});

const AKSK_ENV = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN,
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
};
const SECRETS = () => ({ SK, SECURITY_TOKEN, TOKEN, PROXY_PASSWORD, META_SK, META_TOKEN, privateKey });

function expectNoSecrets(text: string): void {
  for (const [name, value] of Object.entries(SECRETS())) {
    expect(text.includes(value), `${name} in the output`).toBe(false);
    expect(text.includes(value.slice(0, 40).replace(/^-----BEGIN [A-Z ]+-----\n/, '')), `a piece of ${name}`).toBe(
      false,
    );
  }
  // No signature value: the echoes carry them, the log masks them.
  expect(text).not.toMatch(/Signature=[0-9a-f]{16}/);
}

const commands = () => {
  const connection = ['--endpoint', api.url, '--json'];
  const cert = ['--cert', pki.path('chain.crt'), '--key', pki.path('leaf.key')];
  return {
    update: ['update', '--domain', DOMAIN, ...cert, '--always', ...connection],
    'update --dry-run': ['update', '--domain', DOMAIN, ...cert, '--dry-run', ...connection],
    'deploy-hook': ['deploy-hook', '--domain', DOMAIN, ...cert, '--always', ...connection],
    status: ['status', '--domain', DOMAIN, ...connection],
    verify: ['verify', '--domain', DOMAIN, '--connect', `127.0.0.1:${tls.port}`, ...connection],
    show: ['show', '--domain', DOMAIN, ...connection],
    delete: ['delete', '--domain', DOMAIN, '--yes', ...connection],
    // The commands on ShowDomain and ShowCertificateInfo.
    domains: ['domains', ...connection],
    'status --all': ['status', '--all', ...connection],
    'update --covered': ['update', '--covered', ...cert, '--always', ...connection],
  };
};

describe('--debug: every command logs what it sent and received, never a secret', () => {
  const setups: Record<string, () => Record<string, string>> = {
    'AK/SK with a security token, through a proxy with a password': () => ({
      ...AKSK_ENV,
      HTTP_PROXY: `http://cliuser:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`,
    }),
    'a token': () => ({ HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID }),
    'the metadata service': () => ({
      LIVE_HTTPS_CERT_METADATA_ENDPOINT: metadata.url,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
    }),
  };
  for (const [setup, env] of Object.entries(setups)) {
    it(`with ${setup}`, { timeout: 60_000 }, async () => {
      paths.length = 0;
      for (const [name, args] of Object.entries(commands())) {
        const before = requests;
        const r = await runCli([...args, '--debug'], env());
        expect(r.code, `${name}: ${r.stderr}`).toBe(0);
        // stdout is the JSON document alone; the logs are on stderr.
        expect(JSON.parse(r.stdout), name).toMatchObject({ ok: true });
        expectNoSecrets(r.stdout + r.stderr);
        if (requests > before && name !== 'update --dry-run') {
          expect(r.stderr, name).toMatch(/^debug: canonical request of |^debug: request headers of /m);
          expect(r.stderr, name).toMatch(/^debug: response body of |^debug: response headers of /m);
          expect(r.stderr, name).toMatch(
            /^info: (GET|PUT|DELETE) \/v[12]\/[0-9a-f]{32}\/(guard\/https-cert\?domain=|domain|certificates)/m,
          );
        }
      }
      // Every operation the CLI has ran: the domain's certificate (GET, PUT, DELETE), ShowDomain and ShowCertificateInfo.
      const ran = new Set(paths.map((p) => p.replace(/[0-9a-f]{32}/, '{project_id}')));
      expect([...ran].sort()).toEqual([
        'DELETE /v1/{project_id}/guard/https-cert',
        'GET /v1/{project_id}/domain',
        'GET /v1/{project_id}/guard/https-cert',
        'GET /v2/{project_id}/certificates',
        'PUT /v1/{project_id}/guard/https-cert',
      ]);
    });
  }

  it('the proxy and the credential source are named, their secrets are not', async () => {
    const r = await runCli(commands().show.concat('--debug'), setups['the metadata service']!());
    expect(r.stderr).toMatch(
      /^debug: credentials: temporary AK\/SK from the metadata service at http:\/\/127\.0\.0\.1:\d+/m,
    );
    const proxied = await runCli(
      commands().show.concat('--debug'),
      setups['AK/SK with a security token, through a proxy with a password']!(),
    );
    expect(proxied.stderr).toContain(`through the proxy http://***@127.0.0.1:${proxy.port}`);
    expect(proxied.stderr).toMatch(/^debug: credentials: AK\/SK from the environment/m);
    expect(proxied.stderr).toMatch(/"x-security-token":"\*\*\*"/);
  });
});

describe('--verbose: one line per attempt, with its request id', () => {
  it('update reads then writes: two attempt lines, status, duration, request id; nothing else', async () => {
    const before = requests;
    const r = await runCli(
      [
        'update',
        '--domain',
        DOMAIN,
        '--cert',
        pki.path('chain.crt'),
        '--key',
        pki.path('leaf.key'),
        '--endpoint',
        api.url,
        '--verbose',
        '--json',
        '--force-redirect',
      ],
      AKSK_ENV,
    );
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('info: '));
    expect(lines).toHaveLength(requests - before);
    const path = `/v1/${PROJECT_ID}/guard/https-cert\\?domain=${DOMAIN.replace(/\./g, '\\.')}`;
    expect(lines[0]).toMatch(
      new RegExp(`^info: GET ${path} -> 200 in \\d+ ms \\(attempt 1/3, request id cli-req-\\d+\\)$`),
    );
    expect(lines.at(-1)).toMatch(
      new RegExp(`^info: PUT ${path} -> 200 in \\d+ ms \\(attempt 1/3, request id cli-req-\\d+\\)$`),
    );
    expect(r.stderr).not.toMatch(/^debug: /m);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
  });

  it('LIVE_HTTPS_CERT_LOG=info is --verbose; a bad value is a usage error before anything is sent', async () => {
    const r = await runCli(commands().show, { ...AKSK_ENV, LIVE_HTTPS_CERT_LOG: 'info' });
    expect(r.stderr).toMatch(/^info: GET .* -> 200 in \d+ ms \(attempt 1\/3, request id cli-req-\d+\)$/m);
    const before = requests;
    const bad = await runCli(commands().show, { ...AKSK_ENV, LIVE_HTTPS_CERT_LOG: 'loud' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('LIVE_HTTPS_CERT_LOG="loud": give one of off, error, warn, info, debug');
    expect(requests).toBe(before);
  });
});
