// A real forward proxy on 127.0.0.1 for the proxy tests: CONNECT tunnels and absolute-form
// requests, optional Basic auth, and hostile modes (refuse, close the tunnel, stall). It records
// what it saw. It only ever connects to 127.0.0.1, whatever host a request names.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

export type ProxyMode =
  | { kind: 'pass' }
  /** Answer CONNECT and forwarded requests with this status. */
  | { kind: 'refuse'; status: number }
  /** Answer CONNECT with 200, then close the connection at once. */
  | { kind: 'close-tunnel' }
  /** Never answer CONNECT. */
  | { kind: 'stall' };

export interface Seen {
  method: string;
  /** `host:port` for CONNECT, the absolute URL otherwise. */
  target: string;
  proxyAuthorization: string | undefined;
}

export interface TestProxy {
  url: string;
  port: number;
  readonly seen: readonly Seen[];
  readonly connects: number;
  /** Client connections still open. */
  readonly open: number;
  mode: ProxyMode;
  stop(): Promise<void>;
}

export async function startTestProxy(
  options: { mode?: ProxyMode; auth?: { user: string; password: string }; tls?: { key: string; cert: string } } = {},
): Promise<TestProxy> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const expected = options.auth
    ? `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`
    : undefined;
  const state = { mode: options.mode ?? ({ kind: 'pass' } as ProxyMode) };
  const authorized = (req: IncomingMessage) =>
    expected === undefined || req.headers['proxy-authorization'] === expected;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({
      method: req.method ?? '',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
    });
    if (!authorized(req)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-length': '0' }).end();
      return;
    }
    if (state.mode.kind === 'refuse') {
      res.writeHead(state.mode.status, { 'content-length': '0' }).end();
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400, { 'content-length': '0' }).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502, { 'content-length': '0' }).end()));
    // The client gave up: so does the proxy, upstream.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };
  // With tls, clients speak TLS to the proxy itself (an https:// proxy URL).
  const server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle);

  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] });
    sockets.add(client);
    client.on('error', () => client.destroy());
    // The client went away (the server keeps half-open sockets): close our side too.
    client.on('end', () => client.destroy());
    if (!authorized(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const mode = state.mode;
    if (mode.kind === 'refuse') {
      client.end(`HTTP/1.1 ${mode.status} Refused By Test Proxy\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    if (mode.kind === 'close-tunnel') {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      client.destroy();
      return;
    }
    if (mode.kind === 'stall') return;
    const port = Number(/:(\d+)$/.exec(req.url ?? '')?.[1]);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    seen,
    get connects() {
      return seen.filter((s) => s.method === 'CONNECT').length;
    },
    get open() {
      return [...sockets].filter((s) => s.remotePort !== undefined && s.localPort === port && !s.destroyed).length;
    },
    get mode() {
      return state.mode;
    },
    set mode(mode: ProxyMode) {
      state.mode = mode;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
