// A TLS server on 127.0.0.1 that serves a certificate chosen by SNI, as a CDN edge does; a test
// may switch what it serves while it runs (a deployment taking effect).
import { createServer, createSecureContext, type SecureContext } from 'node:tls';
import type { AddressInfo } from 'node:net';

export interface SniServer {
  port: number;
  /** The SNI names clients asked for. */
  servernames: string[];
  /** Serve this PEM chain and key for the name from now on. */
  serve(name: string, cert: string, key: string): void;
  stop(): Promise<void>;
}

export async function startSniServer(fallback: { cert: string; key: string }): Promise<SniServer> {
  const contexts = new Map<string, SecureContext>();
  const servernames: string[] = [];
  const server = createServer(
    {
      ...fallback,
      SNICallback: (name, cb) => {
        servernames.push(name);
        cb(null, contexts.get(name.toLowerCase()) ?? createSecureContext(fallback));
      },
    },
    (socket) => socket.end(),
  );
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    servernames,
    serve: (name, cert, key) => contexts.set(name.toLowerCase(), createSecureContext({ cert, key })),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
