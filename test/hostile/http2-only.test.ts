// An endpoint that speaks only HTTP/2 (Node's http2.createSecureServer without allowHTTP1: ALPN `h2`
// only). A client offering ALPN http/1.1 (fetch) gets a TLS alert; one offering no ALPN (node:http,
// the CONNECT tunnel) gets Node's "403 Missing ALPN Protocol". Either way the caller must get one
// LiveHttp2OnlyError that says the endpoint speaks only HTTP/2 and what to check: not an IAM or
// permission hint (the 403 is not the API's), not retried (one connection on the server), on every
// sender and in the CLI (exit 3, the same message). Runs in a child process with NODE_EXTRA_CA_CERTS,
// so the default sender trusts the test CA as it would a real one.
import { execFile } from 'node:child_process';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, newPki, run, type Pki } from '../support/certs.js';
import { startTestProxy, type TestProxy } from '../support/test-proxy.js';

interface H2Server {
  url: string;
  port: number;
  /** TCP connections accepted: one per attempt (Node's 403 closes the connection). */
  connections: number;
  /** HTTP/2 requests that reached the server. */
  streams: number;
  /** TLS connections without h2 (no ALPN offered): answered with Node's 403 and closed. */
  http1Refused: number;
  /** Handshakes that failed (ALPN http/1.1 only: the no_application_protocol alert). */
  handshakeFailures: number;
  stop(): Promise<void>;
}

let pki: Pki;
let proxy: TestProxy;
const servers = new Map<string, H2Server>();

async function startH2(label: string, allowHTTP1 = false): Promise<H2Server> {
  const server: Http2SecureServer = createSecureServer({
    key: pki.read('server.key'),
    cert: pki.read('server.crt'),
    allowHTTP1,
  });
  const counts = { connections: 0, streams: 0, http1Refused: 0, handshakeFailures: 0 };
  server.on('connection', () => counts.connections++);
  server.on('secureConnection', (socket: TLSSocket) => {
    if (socket.alpnProtocol !== 'h2') counts.http1Refused++;
  });
  server.on('tlsClientError', () => counts.handshakeFailures++);
  // HTTP/2 streams (and, on the control server, HTTP/1.1 requests) are answered as the API would.
  server.on('request', (_req, res) => {
    counts.streams++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"certificate_format":"PEM"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const h2: H2Server = {
    url: `https://127.0.0.1:${port}`,
    port,
    get connections() {
      return counts.connections;
    },
    get streams() {
      return counts.streams;
    },
    get http1Refused() {
      return counts.http1Refused;
    },
    get handshakeFailures() {
      return counts.handshakeFailures;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.set(label, h2);
  return h2;
}

/**
 * A server that ignores ALPN and starts HTTP/2 anyway: its SETTINGS frame, then a GOAWAY
 * (PROTOCOL_ERROR) once the client's HTTP/1.1 request arrives instead of the HTTP/2 preface.
 */
async function startFramesServer(label: string): Promise<void> {
  const counts = { connections: 0 };
  const settings = Buffer.from([0, 0, 0, 0x04, 0, 0, 0, 0, 0]);
  const goaway = Buffer.from([0, 0, 8, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  const server = createTlsServer({ key: pki.read('server.key'), cert: pki.read('server.crt') }, (socket) => {
    socket.write(settings);
    socket.once('data', () => socket.end(goaway));
    socket.on('error', () => socket.destroy());
  });
  server.on('connection', () => counts.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  servers.set(label, {
    url: `https://127.0.0.1:${port}`,
    port,
    get connections() {
      return counts.connections;
    },
    streams: 0,
    http1Refused: 0,
    handshakeFailures: 0,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

const LIBRARY = ['default', 'node entry', 'node sender', 'fetch sender', 'caller fetch', 'proxy'] as const;
const CLI = ['cli', 'cli proxy'] as const;
const FRAMES = ['default', 'caller fetch'] as const;

interface LibraryResult {
  label: string;
  ok: boolean;
  name?: string;
  message?: string;
  attempts?: number;
  json?: Record<string, unknown>;
  hint?: string;
  typed?: boolean;
  network?: boolean;
  info?: unknown;
}
interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}
interface CliResult {
  label: string;
  text: CliRun;
  json: CliRun;
}
let results: (LibraryResult | CliResult)[];
const of = <T>(label: string) => results.find((r) => r.label === label) as T;

beforeAll(async () => {
  pki = newPki();
  makeCert(pki, { name: 'ca', domains: ['HTTP2 Test CA'], days: 2, ca: true });
  writeFileSync(pki.path('server.ext'), 'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n');
  run(pki, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'server.key']);
  run(pki, ['req', '-new', '-key', 'server.key', '-subj', '/CN=127.0.0.1', '-out', 'server.csr']);
  run(pki, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.crt',
  ]);
  proxy = await startTestProxy();
  const cases: { label: string; url: string; via: string; proxy?: string }[] = [];
  for (const via of [...LIBRARY, ...CLI]) {
    const server = await startH2(via);
    cases.push({ label: via, via, url: server.url, ...(via.includes('proxy') ? { proxy: proxy.url } : {}) });
  }
  // Controls: the same server with HTTP/1.1 allowed answers, over the default sender and fetch, so
  // the trust set-up is real and the errors above come from HTTP/2-only alone.
  for (const via of ['default', 'caller fetch'] as const) {
    const server = await startH2(`control ${via}`, true);
    cases.push({ label: `control ${via}`, via, url: server.url });
  }
  for (const via of FRAMES) {
    await startFramesServer(`frames ${via}`);
    cases.push({ label: `frames ${via}`, via, url: servers.get(`frames ${via}`)!.url });
  }
  const child = fileURLToPath(new URL('./http2-only-child.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, JSON.stringify(cases)], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.path('ca.crt') },
    timeout: 60_000,
  });
  results = JSON.parse(stdout) as typeof results;
}, 90_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.stop()));
  await proxy?.stop();
  pki?.cleanup();
});

const H2_ONLY = /speaks only HTTP\/2/;
/** What to do: check the endpoint (and its override), as Huawei's endpoints speak HTTP/1.1. */
function expectAdvice(text: string): void {
  expect(text).toMatch(H2_ONLY);
  expect(text).toMatch(/HTTP\/1\.1/);
  expect(text).toMatch(/endpoint/);
  expect(text).toMatch(/HUAWEICLOUD_SDK_REGION_LIVE_/);
  expect(text).not.toMatch(/IAM|permission|credentials/i);
}

describe('the trust set-up is real', () => {
  it.each(['default', 'caller fetch'])('a server that also speaks HTTP/1.1 answers over %s', (via) => {
    expect(of<LibraryResult>(`control ${via}`)).toMatchObject({ ok: true, info: { certificate_format: 'PEM' } });
    expect(servers.get(`control ${via}`)!.streams).toBe(1);
  });
});

describe.each(LIBRARY)('an HTTP/2-only endpoint over the %s sender', (via) => {
  it('is one LiveHttp2OnlyError (a network error) after 1 attempt, saying so and what to check', () => {
    const result = of<LibraryResult>(via);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ name: 'LiveHttp2OnlyError', typed: true, network: true, attempts: 1 });
    expectAdvice(result.message!);
    expect(result.message).toContain(servers.get(via)!.url);
    expect(result.message).not.toMatch(/HTTP 403|not trusted|raise the timeout/);
    expect(result.json).toMatchObject({ name: 'LiveHttp2OnlyError', attempts: 1, endpoint: servers.get(via)!.url });
    expectAdvice(result.hint!);
  });

  it('is not retried: one connection on the server, no request reached it', () => {
    const server = servers.get(via)!;
    expect(server.connections).toBe(1);
    expect(server.streams).toBe(0);
    // What the sender met: the alert when it offers http/1.1 (fetch), Node's 403 when it offers nothing.
    expect(server.http1Refused + server.handshakeFailures).toBe(1);
    if (via.includes('proxy'))
      expect(proxy.seen.filter((s) => s.target === `127.0.0.1:${server.port}`)).toHaveLength(1);
  });
});

describe.each(CLI)('an HTTP/2-only endpoint in the %s', (via) => {
  it('exits 3 with the same diagnosis, in text and in --json, after one connection each', () => {
    const { text, json } = of<CliResult>(via);
    expect(text.code).toBe(3);
    expect(text.stdout).toBe('');
    expect(text.stderr.trim().split('\n')).toHaveLength(1);
    expectAdvice(text.stderr);
    expect(json.code).toBe(3);
    const document = JSON.parse(json.stdout) as { ok: boolean; results: { error?: Record<string, unknown> }[] };
    expect(document.ok).toBe(false);
    const error = document.results[0]?.error ?? (document as unknown as { error: Record<string, unknown> }).error;
    expect(error).toMatchObject({ name: 'LiveHttp2OnlyError', attempts: 1, exitCode: 3 });
    expectAdvice(String(error['message']));
    expectAdvice(String(error['hint']));
    const server = servers.get(via)!;
    expect(server.connections).toBe(2);
    expect(server.streams).toBe(0);
  });
});

describe.each(FRAMES)('a server that ignores ALPN and answers with HTTP/2 frames, over %s', (via) => {
  it('is the same LiveHttp2OnlyError after 1 attempt, one connection', () => {
    const result = of<LibraryResult>(`frames ${via}`);
    expect(result).toMatchObject({ ok: false, name: 'LiveHttp2OnlyError', attempts: 1 });
    expectAdvice(result.message!);
    expect(result.message).toContain('HTTP/2 frames');
    expect(servers.get(`frames ${via}`)!.connections).toBe(1);
  });
});
