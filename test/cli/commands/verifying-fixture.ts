// What the command tests against the signature-verifying server share: its credentials, a server
// for each test (stopped after it), started either with answers of the test's own (`serve`) or
// keeping what a PUT stores as the API does (`store`), and the certificates those tests deploy.
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { makeCert, type Pki, standardPki } from '../../support/certs.js';
import { type SniServer, startSniServer } from '../../support/tls-server.js';
import {
  type Received,
  type Reply,
  startVerifyingServer,
  type VerifyingServer,
  type VerifyingServerOptions,
} from '../../support/verifying-server.js';

export const AK = 'CLIVERIFYAK';
export const SK = 'cli-verify-secret-key-value';
export const ENV = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};

export const domainOf = (url: string) => new URL(url, 'http://x').searchParams.get('domain');
export const putBody = (r: Received) => JSON.parse(r.body.toString()) as Record<string, unknown>;

export interface ServerPerTest {
  /** The running test's server, once it started one. */
  readonly server: VerifyingServer | undefined;
  /** Any server with these keys. */
  start(options?: Omit<VerifyingServerOptions, 'keys'>): Promise<VerifyingServer>;
  /** A server whose answers `reply` may pick (the API's usual answer where it gives none); its URL. */
  serve(reply?: (domain: string | null, method: string) => Reply | undefined): Promise<string>;
  /** A server that keeps configurations (seeded with `deployed`); the `--endpoint` flag for it. */
  store(deployed?: Record<string, object>, delayMs?: number): Promise<string[]>;
  /** The PUTs the server received. */
  puts(): Received[];
}

/** Registers the hook that stops each test's server. */
export function verifyingServerPerTest(): ServerPerTest {
  let server: VerifyingServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  const start = async (options: Omit<VerifyingServerOptions, 'keys'> = {}) =>
    (server = await startVerifyingServer({ keys: { [AK]: SK }, ...options }));
  return {
    get server() {
      return server;
    },
    start,
    serve: async (reply) =>
      (
        await start(
          reply
            ? {
                reply: (r) =>
                  reply(domainOf(r.url), r.method) ??
                  (r.method === 'GET'
                    ? { status: 200, body: {} }
                    : r.method === 'DELETE'
                      ? { status: 204 }
                      : { status: 200 }),
              }
            : {},
        )
      ).url,
    store: async (deployed = {}, delayMs = 0) => ['--endpoint', (await start({ deployed, delayMs })).url],
    puts: () => server!.received.filter((r) => r.method === 'PUT'),
  };
}

/** Registers the hook that stops, after each test, the TLS servers (the edge verify looks at) it started. */
export function tlsServersPerTest(): typeof startSniServer {
  const started: SniServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((tls) => tls.stop()));
  });
  return async (options) => {
    const tls = await startSniServer(options);
    started.push(tls);
    return tls;
  };
}

/**
 * The standard certificates, the wildcard and the 10-day one with their chains, and a second
 * issuance for play.example.com (leaf2, chain2: another certificate, another fingerprint).
 */
function deployablePki(): Pki {
  const pki = standardPki();
  writeFileSync(pki.path('wild-chain.crt'), pki.read('wild.crt') + pki.read('int.crt'));
  writeFileSync(pki.path('soon-chain.crt'), pki.read('soon.crt') + pki.read('int.crt'));
  makeCert(pki, {
    name: 'leaf2',
    domains: ['play.example.com', 'www.example.com'],
    days: 80,
    issuer: { cert: 'int.crt', key: 'int.key' },
  });
  writeFileSync(pki.path('chain2.crt'), pki.read('leaf2.crt') + pki.read('int.crt'));
  return pki;
}

/** Registers the hooks that make the deployablePki() certificates for the file (or describe block) and remove them. */
export function deployablePkiForBlock(): Pki {
  let pki: Pki | undefined;
  beforeAll(() => {
    pki = deployablePki();
  });
  afterAll(() => pki?.cleanup());
  return {
    get dir() {
      return pki!.dir;
    },
    path: (name) => pki!.path(name),
    read: (name) => pki!.read(name),
    cleanup: () => pki?.cleanup(),
  };
}

/** A domain's configuration as the API returns it: this certificate file deployed, no key. */
export const deployedConfig = (pki: Pki, certFile: string, forceRedirect: boolean) => ({
  certificate_format: 'PEM',
  certificate: pki.read(certFile),
  certificate_key: '',
  force_redirect: forceRedirect,
});
