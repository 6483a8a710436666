// A real HTTP server on 127.0.0.1 whose every answer the test decides, faults included.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultHandler = (req: IncomingMessage, res: ServerResponse, index: number, body: Buffer) => void;

export interface FaultServer {
  url: string;
  /** Requests that reached the handler. */
  readonly count: number;
  /** TCP connections accepted (a refused TLS handshake is a connection but no request). */
  readonly connections?: number;
  stop(): Promise<void>;
}

export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, count++, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes one byte every `everyMs` until the connection closes. */
export function dribble(res: ServerResponse, everyMs: number): void {
  const timer = setInterval(() => {
    if (res.destroyed) clearInterval(timer);
    else res.write(' ');
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** The same over TLS, with the certificate (chain) and key given as PEM. */
export async function startTlsFaultServer(
  tls: { cert: string; key: string },
  handler: FaultHandler,
): Promise<FaultServer> {
  const { createServer: createHttpsServer } = await import('node:https');
  let count = 0;
  let connections = 0;
  const server = createHttpsServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, count++, Buffer.concat(chunks)));
  });
  // A handshake the client refuses is not a request; it must not be logged as an error here.
  server.on('tlsClientError', () => undefined);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    get connections() {
      return connections;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server that answers the first bytes of every connection with `answer` (raw HTTP, or junk). */
export async function startRawServer(answer: (index: number) => string | Buffer): Promise<FaultServer> {
  const { createServer: createTcpServer } = await import('node:net');
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(answer(count++)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
