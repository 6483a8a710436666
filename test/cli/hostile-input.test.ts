// Hostile input to the CLI, in process: a certificate with an unreadable validity date (served by a
// hostile API or TLS server, or given as a file), files that never end (/dev/zero, pipes), a
// --report file that fails mid-run, and verify's --timeout. Real servers on 127.0.0.1 only.
import { execFileSync, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { runInProcess as runCli } from '../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const TOKEN = 'REVIEW-CLI-IAM-TOKEN-0123456789abcdef';
const ENV = { HUAWEICLOUD_SDK_AUTH_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' };
let pki: Pki;
let badPem: string;
let api: VerifyingServer;

/** The certificate with its notAfter (the second UTCTime) overwritten by letters: node parses it, its validTo is "Bad time value". */
function withUnreadableNotAfter(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  let seen = 0;
  for (let i = 0; i < der.length - 15; i++) {
    if (der[i] === 0x17 && der[i + 1] === 13 && ++seen === 2) {
      Buffer.from('ZZZZZZZZZZZZZ').copy(der, i + 2);
      break;
    }
  }
  return `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
}

beforeAll(async () => {
  pki = newPki();
  makeCert(pki, { name: 'leaf', domains: ['play.example.com'], days: 60 });
  badPem = withUnreadableNotAfter(pki.read('leaf.crt'));
  writeFileSync(pki.path('bad.crt'), badPem);
  expect(new X509Certificate(badPem).validTo).toBe('Bad time value');
  api = await startVerifyingServer({
    tokens: [TOKEN],
    reply: (r) =>
      r.method === 'GET'
        ? {
            status: 200,
            body: { certificate_format: 'PEM', certificate: badPem, certificate_key: '', force_redirect: false },
          }
        : { status: 204 },
  });
});
afterAll(async () => {
  await api.stop();
  pki.cleanup();
});

const noRawError = (text: string) => expect(text).not.toMatch(/Invalid time value|RangeError|TypeError|\n {4}at /);

describe('a certificate whose validity date cannot be read', () => {
  it('check: a failed certificate-parses finding, exit 2 (not a RangeError, exit 1)', async () => {
    const r = await runCli([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('bad.crt'),
      '--key',
      pki.path('leaf.key'),
    ]);
    noRawError(r.stdout + r.stderr);
    expect(r.stdout).toMatch(/FAIL\s+\S+\s+certificate-parses/);
    expect(r.code).toBe(2);
  });

  it('status of a deployed one: attention "cannot be read", exit 4 (not exit 1, "the API refused")', async () => {
    const r = await runCli(['status', '--domain', 'play.example.com', '--endpoint', api.url], ENV);
    noRawError(r.stdout + r.stderr);
    expect(r.stdout).toMatch(/cannot be read/);
    expect(r.code).toBe(4);
  });

  it('update reads it as deployed and still uploads the good local certificate', async () => {
    const r = await runCli(
      [
        'update',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('leaf.crt'),
        '--key',
        pki.path('leaf.key'),
        '--skip-checks',
        '--endpoint',
        api.url,
      ],
      ENV,
    );
    noRawError(r.stdout + r.stderr);
    expect(r.code).toBe(0);
    expect(api.received.some((x) => x.method === 'PUT')).toBe(true);
  });

  it('verify against a TLS server presenting it: "cannot be read", exit 4', async () => {
    const server = createTlsServer({ cert: badPem, key: pki.read('leaf.key') });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const r = await runCli([
        'verify',
        '--domain',
        'play.example.com',
        '--cert',
        pki.path('leaf.crt'),
        '--connect',
        `127.0.0.1:${port}`,
      ]);
      noRawError(r.stdout + r.stderr);
      expect(r.stdout + r.stderr).toMatch(/cannot be read|failed/);
      expect(r.code).toBe(4);
    } finally {
      server.close();
    }
  });
});

describe('files that never end', () => {
  it('--cert /dev/zero is refused at 1 MB with exit 2, not read until memory runs out', async () => {
    const r = await runCli([
      'check',
      '--domain',
      'play.example.com',
      '--cert',
      '/dev/zero',
      '--key',
      pki.path('leaf.key'),
    ]);
    expect(r.stderr).toMatch(/--cert \/dev\/zero: gives more than 1 MB/);
    expect(r.code).toBe(2);
  }, 20_000);

  it('--domains-file /dev/zero likewise, and nothing is sent', async () => {
    const before = api.received.length;
    const r = await runCli(['show', '--domains-file', '/dev/zero', '--endpoint', api.url], ENV);
    expect(r.stderr).toMatch(/--domains-file \/dev\/zero: gives more than 1 MB/);
    expect(r.code).toBe(2);
    expect(api.received.length).toBe(before);
  }, 20_000);

  it('a key from a pipe (as `--key <(vault read ...)` gives) still works', async () => {
    // A FIFO fed by another process: its size says nothing, it is read until the writer closes it.
    const fifo = pki.path('key.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', pki.path('leaf.key'), fifo], { stdio: 'ignore' });
    const r = await runCli(['check', '--domain', 'play.example.com', '--cert', pki.path('leaf.crt'), '--key', fifo]);
    await new Promise((resolve) => writer.on('close', resolve));
    expect(r.stdout).toMatch(/ok\s+\S+\s+key-matches/);
    expect(r.code).toBe(0);
  });
});

describe('--report that fails mid-run', () => {
  it('/dev/full: every domain is still reported on stdout, with a warning, and the run is not called an API refusal', async () => {
    const r = await runCli(
      [
        'show',
        '--domain',
        'a.example.com',
        '--domain',
        'b.example.com',
        '--report',
        '/dev/full',
        '--json',
        '--endpoint',
        api.url,
      ],
      ENV,
    );
    expect(r.stderr).toMatch(/--report \/dev\/full: ENOSPC/);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.total).toBe(2);
    expect(doc.results.map((x: { domain: string }) => x.domain).sort()).toEqual(['a.example.com', 'b.example.com']);
    expect(r.code).toBe(0);
  });
});

describe('verify --timeout', () => {
  let stall: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts the connection and never answers the ClientHello.
    stall = createTcpServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => stall.close(() => resolve()));
  });

  it('a handshake that stalls is given up after --timeout, not a fixed 10 s', async () => {
    const port = (stall.address() as AddressInfo).port;
    const r = await runCli([
      'verify',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--connect',
      `127.0.0.1:${port}`,
      '--timeout',
      '0.5',
    ]);
    expect(`${r.stdout}${r.stderr}`).toMatch(/no TLS handshake with 127\.0\.0\.1:\d+ within 500 ms/);
    // Nothing was served: a network failure (3), not "another certificate is served" (4).
    expect(r.code).toBe(3);
  });

  it('a refused connection is a network failure (exit 3), not "attention" (exit 4)', async () => {
    const port = (stall.address() as AddressInfo).port;
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unused = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(unused).not.toBe(port);
    const r = await runCli([
      'verify',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--connect',
      `127.0.0.1:${unused}`,
      '--timeout',
      '2',
      '--json',
    ]);
    expect(r.stdout).toMatch(/ECONNREFUSED/);
    expect(r.code).toBe(3);
  });

  it('a bad --timeout is a usage error (exit 2) even when no API call is needed', async () => {
    const r = await runCli([
      'verify',
      '--domain',
      'play.example.com',
      '--cert',
      pki.path('leaf.crt'),
      '--connect',
      '127.0.0.1:1',
      '--timeout',
      'NaN',
    ]);
    expect(r.stderr).toMatch(/--timeout NaN: give a number/);
    expect(r.code).toBe(2);
  });
});
