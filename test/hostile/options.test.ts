// Options a caller (or a config file an attacker can edit) gets wrong: they are refused before
// anything is sent, with a typed error that does not echo a password.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createLiveClient } from '../../src/index.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import {
  AKSK,
  everyForm,
  failure,
  hostileClient,
  outcomeOf,
  printOutcomesAfterAll,
  record,
  SENDERS,
} from './support.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
printOutcomesAfterAll('options');

async function serve(): Promise<FaultServer> {
  const server = await startFaultServer((_req, res) => res.writeHead(204).end());
  servers.push(server);
  return server;
}

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const make = (endpoint: string) => () => createLiveClient({ projectId: PROJECT_ID, endpoint, credentials: AKSK });

/** The ConfigurationError a client creation throws (fails the test if it throws none). */
function configurationError(create: () => unknown): ConfigurationError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  return expect.unreachable('no ConfigurationError');
}

describe('endpoints', () => {
  it.each([
    ['http://user:hunter2-password@127.0.0.1:9/'],
    ['https://admin:hunter2-password@live.cn-north-4.myhuaweicloud.com'],
    ['https://:hunter2-password@live.cn-north-4.myhuaweicloud.com'],
    ['https://user:hunter2/pass word@live.example.com'],
  ])('user info (%s) is refused without echoing the password', (endpoint) => {
    const error = configurationError(make(endpoint));
    expect(error).toMatchObject({ option: 'endpoint' });
    expect(everyForm(error)).not.toContain('hunter2');
  });

  it.each([
    'http://127.0.0.1:9?',
    'http://127.0.0.1:9/#',
    'https://live.example.com/base?',
    'https://live.example.com?a=1',
    'https://live.example.com#top',
  ])('a query or fragment, even a bare trailing "?" or "#" (%s), is refused', (endpoint) => {
    const error = configurationError(make(endpoint));
    expect(error).toMatchObject({ option: 'endpoint' });
    expect(error.message).toMatch(/query or fragment/);
  });

  it('a plain endpoint still works, its trailing slash dropped', () => {
    expect(make('http://127.0.0.1:9/')().baseUrl).toBe('http://127.0.0.1:9');
  });
});

describe('timeouts', () => {
  it.each([2 ** 31, 2 ** 32, 0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'client timeoutMs %s is refused',
    (timeoutMs) => {
      const error = configurationError(() =>
        createLiveClient({ projectId: PROJECT_ID, endpoint: 'http://127.0.0.1:9', credentials: AKSK, timeoutMs }),
      );
      expect(error).toMatchObject({ option: 'timeoutMs' });
    },
  );

  it('client timeoutMs 2**31-1 is the largest accepted', () => {
    expect(() =>
      createLiveClient({
        projectId: PROJECT_ID,
        endpoint: 'http://127.0.0.1:9',
        credentials: AKSK,
        timeoutMs: 2 ** 31 - 1,
      }),
    ).not.toThrow();
  });

  describe.each(SENDERS)('per call over $name', (sender) => {
    it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '100' as unknown as number])(
      'timeoutMs %s is refused before sending',
      async (timeoutMs) => {
        const server = await serve();
        const error = await failure(
          hostileClient(sender, server.url).showDomainHttpsCert({ domain: 'a.example.com', timeoutMs }),
        );
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(error).toMatchObject({ option: 'timeoutMs' });
        expect(server.count).toBe(0);
        record(`per-call timeoutMs ${String(timeoutMs)}`, sender.name, `${outcomeOf(error)}, nothing sent`);
      },
    );
  });
});

describe.each(SENDERS)('a signal that is not an AbortSignal, over $name', (sender) => {
  it.each([{}, 'abort', { aborted: false }, 42])(
    '%o: ConfigurationError naming signal, nothing sent',
    async (signal) => {
      const server = await serve();
      const error = await failure(
        hostileClient(sender, server.url).deleteDomainHttpsCert({
          domain: 'a.example.com',
          signal: signal as unknown as AbortSignal,
        }),
      );
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: 'signal' });
      expect(error.message).toMatch(/AbortSignal/);
      expect(server.count).toBe(0);
      record(`signal ${JSON.stringify(signal)}`, sender.name, `${outcomeOf(error)}, nothing sent`);
    },
  );
});

describe('one client on Node', () => {
  it('createLiveClient without fetch or sender sends through node:http (no fetch-only headers); a given fetch is used', async () => {
    const seen: Record<string, unknown>[] = [];
    const server = await startFaultServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(204).end();
    });
    servers.push(server);
    await hostileClient(SENDERS[1]!, server.url).deleteDomainHttpsCert({ domain: 'a.example.com' });
    await hostileClient(SENDERS[2]!, server.url).deleteDomainHttpsCert({ domain: 'a.example.com' });
    // undici's fetch always sends sec-fetch-mode; node:http sends only what it is given.
    expect(seen[0]!['sec-fetch-mode']).toBeUndefined();
    expect(seen[0]!['accept-encoding']).toBe('gzip, deflate');
    expect(seen[1]!['sec-fetch-mode']).toBe('cors');
  });
});

describe.each(SENDERS)('requests in flight and sockets over $name', (sender) => {
  it.each([
    ['the default cap (64)', undefined, 64],
    ['maxSockets: 4', 4, 4],
  ])(
    '300 concurrent calls on one client: at most %s on the wire at once (and as many node:http sockets)',
    async (label, maxSockets, cap) => {
      const ports = new Set<number>();
      let inFlight = 0;
      let peak = 0;
      const server = await startFaultServer((req, res) => {
        ports.add(req.socket.remotePort!);
        peak = Math.max(peak, ++inFlight);
        setTimeout(() => {
          inFlight--;
          res.writeHead(204).end();
        }, 20);
      });
      servers.push(server);
      const client = hostileClient(sender, server.url, maxSockets === undefined ? {} : { maxSockets });
      await Promise.all(Array.from({ length: 300 }, () => client.deleteDomainHttpsCert({ domain: 'a.example.com' })));
      expect(server.count).toBe(300);
      expect(peak).toBeLessThanOrEqual(cap);
      expect(peak).toBeGreaterThan(1);
      // fetch keeps its own connection pool (a runtime's, or the caller's): only the count on the
      // wire is the client's to cap there; node:http's agent caps the sockets too.
      if (sender.name === 'node:http') expect(ports.size).toBeLessThanOrEqual(cap);
      record(`300 concurrent calls, ${label}`, sender.name, `${peak} in flight at most, ${ports.size} sockets`);
    },
  );
});

describe('maxSockets', () => {
  it.each([0, -1, 1.5, Number.NaN])('maxSockets %s is refused', (maxSockets) => {
    const error = configurationError(() =>
      createLiveClient({ projectId: PROJECT_ID, endpoint: 'http://127.0.0.1:9', credentials: AKSK, maxSockets }),
    );
    expect(error).toMatchObject({ option: 'maxSockets' });
  });
});
