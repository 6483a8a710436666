// live-https-cert verify, in process against TLS servers on 127.0.0.1 with SNI (and the verifying
// server for the deployed certificate): what is served against what is expected, --wait, a served
// certificate whose date cannot be read, and --timeout.
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../support/run-cli.js';
import { noRawError, unreadableCert } from './unreadable-cert-fixture.js';
import {
  deployablePkiForBlock,
  deployedConfig,
  ENV,
  tlsServersPerTest,
  verifyingServerPerTest,
} from './verifying-fixture.js';

const unreadable = unreadableCert();

describe('verify against a TLS server with SNI', () => {
  const pki = deployablePkiForBlock();
  const live = verifyingServerPerTest();
  const startTls = tlsServersPerTest();

  it('matching and not matching against a TLS server with SNI = the domain; exit 4 says what is served', async () => {
    const tls = await startTls({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    tls.serve('play.example.com', pki.read('chain.crt'), pki.read('leaf.key'));
    const connect = ['--connect', `127.0.0.1:${tls.port}`];
    const ok = await runInProcess(
      ['verify', '--domain', 'play.example.com', '--cert', pki.path('chain.crt'), ...connect],
      ENV,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('serves the expected certificate');
    expect(tls.servernames).toContain('play.example.com');
    const wrong = await runInProcess(
      ['verify', '--domain', 'play.example.com', '--cert', pki.path('chain2.crt'), ...connect, '--json'],
      ENV,
    );
    expect(wrong.code).toBe(4);
    const result = JSON.parse(wrong.stdout).results[0];
    expect(result).toMatchObject({ matched: false, served: { subject: 'CN=play.example.com' } });
    expect(result.served.fingerprint256).not.toBe(result.expectedFingerprint);
  });

  it('--wait polls until the new certificate is served; without --cert it compares with the deployed one', async () => {
    const endpoint = await live.store({ 'play.example.com': deployedConfig(pki, 'chain2.crt', false) });
    const tls = await startTls({ cert: pki.read('other.crt'), key: pki.read('other.key') });
    tls.serve('play.example.com', pki.read('chain.crt'), pki.read('leaf.key'));
    const server = tls;
    // Switch only after verify has seen the old certificate once: a timer alone races a slow start.
    const switchAfterFirstLook = setInterval(() => {
      if (!server.servernames.includes('play.example.com')) return;
      clearInterval(switchAfterFirstLook);
      server.serve('play.example.com', pki.read('chain2.crt'), pki.read('leaf2.key'));
    }, 20);
    const r = await runInProcess(
      [
        'verify',
        '--domain',
        'play.example.com',
        '--connect',
        `127.0.0.1:${tls.port}`,
        '--wait',
        '20s',
        '--json',
        ...endpoint,
      ],
      ENV,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].attempts).toBeGreaterThan(1);
  });
});

describe('verify of a served certificate whose validity date cannot be read', () => {
  it('verify against a TLS server presenting it: "cannot be read", exit 4', async () => {
    const server = createTlsServer({ cert: unreadable.badPem, key: unreadable.pki.read('leaf.key') });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const r = await runInProcess([
        'verify',
        '--domain',
        'play.example.com',
        '--cert',
        unreadable.pki.path('leaf.crt'),
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
    const r = await runInProcess([
      'verify',
      '--domain',
      'play.example.com',
      '--cert',
      unreadable.pki.path('leaf.crt'),
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
    const r = await runInProcess([
      'verify',
      '--domain',
      'play.example.com',
      '--cert',
      unreadable.pki.path('leaf.crt'),
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
    const r = await runInProcess([
      'verify',
      '--domain',
      'play.example.com',
      '--cert',
      unreadable.pki.path('leaf.crt'),
      '--connect',
      '127.0.0.1:1',
      '--timeout',
      'NaN',
    ]);
    expect(r.stderr).toMatch(/--timeout NaN: give a number/);
    expect(r.code).toBe(2);
  });
});
