// The package's promise, end to end: edit the spec, run the project's own `npm run generate` and
// build, and the client follows. In a copy of the repository, the spec gains a body field with a
// maxLength, an enum field and a query parameter on show; the rebuilt client enforces the limit and
// the enum before sending, sends valid values, puts the new query parameter on the wire (a
// recording server on 127.0.0.1), and `npm run generate:check` passes on the result.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  type Dirent,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as LiveEntry from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', '.openapi-generator-jar', 'coverage']);
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
let work: string;
let server: Server;
let endpoint: string;
const received: { method: string; url: string; body: string; headers?: Record<string, unknown> }[] = [];
let scmAnswer = (): { status: number; text: string } => ({ status: 200, text: '{"push_id":"p-1"}' });
// An inline enum beside anyOf, as a user would add it to DomainHttpsCertInfo.
const NEW_OPERATION_TYPES = `import { createLiveClient, type LiveOperationId } from '../src/index.js';
const live = createLiveClient({ projectId: '0123456789abcdef0123456789abcdef', credentials: { token: 't' } });
export const pushed: Promise<string> = live
  .pushCertificate({ certificate_id: 'scs1', dry_run: true, headers: { 'X-Client-Tag': 'ci' }, body: { target_project: 'p', target_service: 'CDN' } })
  .then((result) => result.push_id);
export const forgotten: Promise<string | undefined> = live.deletePush({ push_id: 'p-1' }).then((r) => r.requestId);
export const id: LiveOperationId = 'PushCertificate';
// @ts-expect-error a target_service outside the enum
live.pushCertificate({ certificate_id: 'scs1', body: { target_project: 'p', target_service: 'ECS' } });
// @ts-expect-error certificate_id is a required path parameter
live.pushCertificate({ body: { target_project: 'p', target_service: 'CDN' } });
// @ts-expect-error the body is required
live.pushCertificate({ certificate_id: 'scs1' });
// @ts-expect-error X-Auth-Token is the client's own header
live.pushCertificate({ certificate_id: 'scs1', headers: { 'X-Auth-Token': 'x' }, body: { target_project: 'p', target_service: 'CDN' } });
// @ts-expect-error project_id is the client's
live.deletePush({ push_id: 'p-1', project_id: 'x' });
`;
const MIN_TLS_VERSION =
  '        min_tls_version:\n          type: string\n          description: The lowest TLS version.\n          enum:\n            - TLSv1.2\n            - TLSv1.3\n';

function npm(args: string[]) {
  return execFileSync('npm', ['run', '--silent', ...args], {
    cwd: work,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'live-regen-'));
  for (const entry of readdirSync(root))
    if (!SKIP.has(entry)) cpSync(join(root, entry), join(work, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  symlinkSync(join(root, '.openapi-generator-jar'), join(work, '.openapi-generator-jar'));

  const specPath = join(work, 'spec/live-https-cert.yaml');
  let spec = readFileSync(specPath, 'utf8');
  const anchor =
    "        tls_certificate:\n          $ref: '#/components/schemas/TlsCertificateInfo'\n      # Each branch";
  if (!spec.includes(anchor)) throw new Error('the spec changed shape: update the regenerate-flow test edit');
  spec = spec.replace(
    anchor,
    `        remark:\n          type: string\n          description: A note kept with the configuration.\n          maxLength: 64\n        backup_key:\n          type: string\n          x-sensitive: true\n          description: A second private key (PEM).\n        delivery:\n          $ref: '#/components/schemas/Delivery'\n${MIN_TLS_VERSION}${anchor}`,
  );
  // An enum of the body as a component schema, and (above) one inline beside the schema's anyOf:
  // the second is a user's most natural edit, and typescript-fetch builds it only with the
  // RESOLVE_INLINE_ENUMS inline schema option (without it, a referenced enum type is never written).
  spec = spec.replace(
    '  schemas:\n',
    '  schemas:\n    Delivery:\n      type: string\n      description: How the certificate is rolled out.\n      enum:\n        - fast\n        - gradual\n',
  );
  const showAnchor = '      operationId: ShowDomainHttpsCert\n';
  spec = spec.replace(
    showAnchor,
    `${showAnchor}      parameters:\n        - name: detail_level\n          in: query\n          required: false\n          description: How much to return.\n          schema:\n            type: string\n            enum:\n              - basic\n              - full\n`,
  );
  writeFileSync(specPath, spec);
  // A new document with its own service: listed in redocly.yaml, nothing else is touched.
  cpSync(join(root, 'test/client/fixtures/scm-push.yaml'), join(work, 'spec/scm-push.yaml'));
  const redocly = readFileSync(join(work, 'redocly.yaml'), 'utf8');
  if (!redocly.includes('\napis:\n'))
    throw new Error('redocly.yaml changed shape: update the regenerate-flow test edit');
  writeFileSync(
    join(work, 'redocly.yaml'),
    redocly.replace(
      '\napis:\n',
      '\napis:\n  scm-push:\n    root: spec/scm-push.yaml\n    x-openapi-ts:\n      output: generated/scm-push.ts\n    x-validators:\n      output: generated/validators/scm-push.ts\n',
    ),
  );
  // How a caller's code reads against the rebuilt client: tsc must accept the first part and
  // refuse every line under @ts-expect-error.
  writeFileSync(join(work, 'test/new-operation.type-test.ts'), NEW_OPERATION_TYPES);

  npm(['generate']);
  npm(['build']);

  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
      if (req.url?.startsWith('/v3/')) {
        const { status, text } = scmAnswer();
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'scm-req-1' }).end(text);
      } else if (req.method === 'GET') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"certificate_format":"PEM","certificate":"","certificate_key":"","force_redirect":false}');
      } else res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  rmSync(work, { recursive: true, force: true });
});

async function rebuiltClient() {
  const entry = (await import(pathToFileURL(join(work, 'dist/esm/src/index.js')).href)) as typeof LiveEntry;
  return {
    entry,
    live: entry.createLiveClient({
      projectId: PROJECT_ID,
      endpoint,
      credentials: { token: 'regen-test-token' },
      retries: 0,
    }),
  };
}

describe('edit the spec, regenerate, rebuild: the client follows', () => {
  it('the new field limit and enum are enforced before sending', async () => {
    const { entry, live } = await rebuiltClient();
    const before = received.length;
    const tooLong = await live
      .updateDomainHttpsCert({
        domain: 'play.example.com',
        body: { certificate: 'c', certificate_key: 'k', remark: 'r'.repeat(65) } as never,
      })
      .catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(entry.ValidationError);
    expect((tooLong as Error).message).toBe(
      'Invalid remark: is 65 characters; the API accepts at most 64; nothing was sent',
    );
    const badEnum = await live
      .updateDomainHttpsCert({
        domain: 'play.example.com',
        body: { certificate: 'c', certificate_key: 'k', delivery: 'instant' } as never,
      })
      .catch((e: unknown) => e);
    expect(badEnum).toBeInstanceOf(entry.ValidationError);
    expect((badEnum as Error).message).toContain('Invalid delivery: must be one of "fast", "gradual", got "instant"');
    const badInline = await live
      .updateDomainHttpsCert({
        domain: 'play.example.com',
        body: { certificate: 'c', certificate_key: 'k', min_tls_version: 'TLSv1.0' } as never,
      })
      .catch((e: unknown) => e);
    expect((badInline as Error).message).toContain(
      'Invalid min_tls_version: must be one of "TLSv1.2", "TLSv1.3", got "TLSv1.0"',
    );
    const badQuery = await live
      .showDomainHttpsCert({ domain: 'play.example.com', detail_level: 'everything' } as never)
      .catch((e: unknown) => e);
    expect(badQuery).toBeInstanceOf(entry.ValidationError);
    expect(received.length).toBe(before);
  });

  it('valid values are sent, and the new query parameter reaches the wire', async () => {
    const { live } = await rebuiltClient();
    await live.updateDomainHttpsCert({
      domain: 'play.example.com',
      body: { certificate: 'c', certificate_key: 'k', remark: 'r'.repeat(64), delivery: 'gradual' } as never,
    });
    expect(JSON.parse(received.at(-1)?.body ?? '{}')).toMatchObject({ remark: 'r'.repeat(64), delivery: 'gradual' });
    await live.showDomainHttpsCert({ domain: 'play.example.com', detail_level: 'full' } as never);
    // Query parameters go sorted by name, as the official SDKs send them.
    expect(received.at(-1)?.url).toBe(`/v1/${PROJECT_ID}/guard/https-cert?detail_level=full&domain=play.example.com`);
  });

  it('a new field marked x-sensitive is hidden in debug logs, with no edit in src/', async () => {
    const { entry } = await rebuiltClient();
    const records: string[] = [];
    const record = (message: string, fields: unknown) => records.push(`${message} ${JSON.stringify(fields)}`);
    const backupKey = `regen-backup-key-${'x'.repeat(24)}-${Date.now()}`;
    const live = entry.createLiveClient({
      projectId: PROJECT_ID,
      endpoint,
      credentials: { token: 'regen-test-token' },
      retries: 0,
      logLevel: 'debug',
      logger: { debug: record, info: record, warn: record, error: record },
    });
    await live.updateDomainHttpsCert({
      domain: 'play.example.com',
      body: { certificate: 'c', certificate_key: 'k', backup_key: backupKey } as never,
    });
    // It went on the wire, and into no record.
    expect(JSON.parse(received.at(-1)?.body ?? '{}')).toMatchObject({ backup_key: backupKey });
    expect(records.some((r) => r.startsWith('request body of PUT') && r.includes('"backup_key":"***"'))).toBe(true);
    expect(records.join('\n')).not.toContain(backupKey);
    // The name comes from the generated list, not from hand-written code.
    expect(readFileSync(join(work, 'generated/sensitive-fields.ts'), 'utf8')).toContain('"backup_key"');
    const mentions = (readdirSync(join(work, 'src'), { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((e) => e.isFile() && readFileSync(join(e.parentPath, e.name), 'utf8').includes('backup_key'))
      .map((e) => e.name);
    expect(mentions).toEqual([]);
  });

  it('the regenerated types carry the new field and parameter', () => {
    const types = readFileSync(join(work, 'generated/schema.ts'), 'utf8');
    expect(types).toMatch(/remark\?: string;/);
    expect(types).toMatch(/Delivery: "fast" \| "gradual";/);
    expect(types).toMatch(/delivery\?: components\["schemas"\]\["Delivery"\];/);
    expect(types).toMatch(/detail_level\?: "basic" \| "full";/);
  });

  it('an inline enum beside anyOf becomes its own typescript-fetch model, and that client type-checks', () => {
    const model = readFileSync(
      join(work, 'generated/typescript-fetch/models/DomainHttpsCertInfoMinTlsVersion.ts'),
      'utf8',
    );
    expect(model).toContain("Tlsv13 = 'TLSv1.3'");
    expect(readFileSync(join(work, 'generated/typescript-fetch/models/DomainHttpsCertInfo.ts'), 'utf8')).toContain(
      'minTlsVersion?: DomainHttpsCertInfoMinTlsVersion;',
    );
    // npm run build compiled it already; the lint's strict check of the generated client too.
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.generated.json'], { cwd: work });
  }, 120_000);

  it('an operation added in a new spec document is a typed method (tsc on a caller in the copy)', () => {
    expect(readFileSync(join(work, 'generated/operations.ts'), 'utf8')).toContain('methodName: "pushCertificate"');
    // Compiles the caller above (and refuses its @ts-expect-error lines) with the strict flags.
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: work });
  }, 120_000);

  it('generate:check passes on the regenerated copy', () => {
    expect(npm(['generate:check'])).toContain('generated/ matches the spec');
  }, 120_000);
});

describe('an operation added to a copy of the spec: called on its own service endpoint, checked both ways', () => {
  const scmClient = async () => {
    const { entry } = await rebuiltClient();
    return {
      entry,
      live: entry.createLiveClient({
        projectId: PROJECT_ID,
        endpoint: 'http://127.0.0.1:1',
        endpoints: { certpush: endpoint } as never,
        credentials: { token: 'regen-test-token' },
        retries: 0,
      }) as unknown as Record<string, (options: unknown) => Promise<unknown>>,
    };
  };
  const push = {
    certificate_id: 'scs17',
    dry_run: true,
    headers: { 'X-Client-Tag': 'ci' },
    body: { target_project: 'p', target_service: 'CDN' },
  };

  it('sends path, query, header and body where the spec puts them and answers the typed body', async () => {
    const { live } = await scmClient();
    scmAnswer = () => ({ status: 200, text: '{"push_id":"p-42"}' });
    await expect(live['pushCertificate']!(push)).resolves.toEqual({ push_id: 'p-42' });
    const sent = received.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe(`/v3/${PROJECT_ID}/scm/certificates/scs17/push?dry_run=true`);
    expect(sent.headers?.['x-client-tag']).toBe('ci');
    expect(sent.headers?.['x-auth-token']).toBe('regen-test-token');
    expect(JSON.parse(sent.body)).toEqual({ target_project: 'p', target_service: 'CDN' });
  });

  it('an answer without a documented body is { requestId }', async () => {
    const { live } = await scmClient();
    scmAnswer = () => ({ status: 204, text: '' });
    await expect(live['deletePush']!({ push_id: 'p-42' })).resolves.toEqual({ requestId: 'scm-req-1' });
    expect(received.at(-1)).toMatchObject({ method: 'DELETE', url: `/v3/${PROJECT_ID}/scm/pushes/p-42` });
  });

  it('bad path, header and body values are refused before anything is sent', async () => {
    const { entry, live } = await scmClient();
    const before = received.length;
    for (const bad of [
      { ...push, certificate_id: '../x' },
      { ...push, headers: { 'X-Client-Tag': 'far-too-long' } },
      { ...push, body: { target_project: 'p', target_service: 'ECS' } },
    ]) {
      const error = await live['pushCertificate']!(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(entry.ValidationError);
    }
    expect(received.length).toBe(before);
  });

  it('an answer the spec does not allow, and an error, carry the operation id', async () => {
    const { entry, live } = await scmClient();
    scmAnswer = () => ({ status: 200, text: '{"push_id":"nope"}' });
    const forged = await live['pushCertificate']!(push).catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(entry.LiveResponseError);
    expect(forged).toMatchObject({ operation: 'PushCertificate', requestId: 'scm-req-1' });
    scmAnswer = () => ({ status: 404, text: '{"error_code":"SCM.0404","error_msg":"no such certificate"}' });
    const missing = await live['pushCertificate']!(push).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(entry.LiveApiError);
    expect(missing).toMatchObject({ operation: 'PushCertificate', status: 404, errorCode: 'SCM.0404' });
  });
});
