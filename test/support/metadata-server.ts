// A local ECS metadata service on 127.0.0.1: session tokens (PUT /meta-data/latest/api/token,
// then X-Metadata-Token required), and /openstack/latest/securitykey answering the credential
// set a test chooses, which it can rotate.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TemporaryKey {
  access: string;
  secret: string;
  securitytoken: string;
  expiresAt: Date;
}

export interface MetadataServer {
  url: string;
  /** What /securitykey answers now; replace it to rotate. */
  key: TemporaryKey;
  /** Requests in order: `PUT token` or `GET securitykey` with the token they carried. */
  calls: { what: string; token: string | undefined }[];
  /** Expire every session token issued so far (the next read gets a 401). */
  expireTokens(): void;
  stop(): Promise<void>;
}

export async function startMetadataServer(
  key: TemporaryKey,
  options: { noAgency?: boolean; tokens?: boolean } = {},
): Promise<MetadataServer> {
  const valid = new Set<string>();
  let counter = 0;
  const state: MetadataServer = {
    url: '',
    key,
    calls: [],
    expireTokens: () => valid.clear(),
    stop: async () => {},
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const token = req.headers['x-metadata-token'] as string | undefined;
    if (req.method === 'PUT' && req.url === '/meta-data/latest/api/token') {
      state.calls.push({ what: 'PUT token', token });
      if (options.tokens === false) return void res.writeHead(404).end('not found');
      if (!req.headers['x-metadata-token-ttl-seconds']) return void res.writeHead(400).end('ttl missing');
      const issued = `session-token-${++counter}`;
      valid.add(issued);
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(issued);
    }
    if (req.method === 'GET' && req.url === '/openstack/latest/securitykey') {
      state.calls.push({ what: 'GET securitykey', token });
      if (options.noAgency)
        return void res
          .writeHead(401, { 'content-type': 'text/plain' })
          .end('Please configure Cloud Service Agency first');
      if (options.tokens !== false && (!token || !valid.has(token)))
        return void res.writeHead(401).end('invalid token');
      const { access, secret, securitytoken, expiresAt } = state.key;
      const body = {
        credential: {
          access,
          secret,
          securitytoken,
          expires_at: expiresAt.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'),
        },
      };
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
