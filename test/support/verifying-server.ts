// An HTTP server on 127.0.0.1 that checks AK/SK signatures as the API gateway does: it
// recomputes the signature (SDK-HMAC-SHA256 or SDK-HMAC-SM3) from the request it received and
// answers 401 APIGW.0301 on a mismatch or a date more than 15 minutes from its own clock (which a
// test may set off). With `projects` it also plays IAM's KeystoneListProjects, signed the same way.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeSignature } from '../../src/auth/signature.js';
import { parseSdkDate } from '../../src/auth/canonical.js';
import { sha256Digest, sm3Digest, webCryptoHash } from '../../src/auth/hash.js';

export interface Received {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  verdict: 'ok' | 'bad-signature' | 'expired' | 'no-auth';
  /** The signing algorithm and access key named by the Authorization header, when there was one. */
  algorithm?: string | undefined;
  accessKey?: string | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface VerifyingServerOptions {
  /** AK -> SK. */
  keys?: Record<string, string>;
  tokens?: string[];
  /** How far the server's clock is from the real one, in ms. */
  clockOffsetMs?: number;
  /** The answer once auth passed; by default what the real API answers for each method. */
  reply?: (received: Received) => Reply;
  cors?: boolean;
  /** IAM: project ids by project name, answered to GET /v3/projects?name=... (with X-IAM-Trace-Id). */
  projects?: Record<string, string[]>;
  /**
   * Keep configurations as the API does: a verified PUT stores its body (the key blanked) and a
   * GET returns what is stored for the domain (an empty configuration when none). Seeded with
   * these, keyed by domain. `reply`, when given, still wins.
   */
  deployed?: Record<string, object>;
  /** Wait this long before answering a verified request (a slow API, for fleets). */
  delayMs?: number;
}

export interface VerifyingServer {
  url: string;
  received: Received[];
  /** The stored configurations, when `deployed` was given. */
  deployed: Map<string, object>;
  stop(): Promise<void>;
}

const SHOW_BODY = {
  certificate_format: 'PEM',
  certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  certificate_key: '',
  force_redirect: false,
};

function defaultReply(received: Received): Reply {
  if (received.method === 'GET') return { status: 200, body: SHOW_BODY };
  if (received.method === 'DELETE') return { status: 204 };
  return { status: 200 };
}

const AUTH = /^(SDK-HMAC-SHA256|SDK-HMAC-SM3) Access=([^,]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

function iamReply(received: Received, projects: Record<string, string[]>): Reply {
  const name = new URL(received.url, 'http://iam').searchParams.get('name') ?? '';
  const ids = projects[name] ?? [];
  return {
    status: 200,
    headers: { 'x-iam-trace-id': `trace-${name}` },
    body: {
      links: { self: 'http://iam/v3/projects', previous: null, next: null },
      projects: ids.map((id) => ({ id, name, enabled: true })),
    },
  };
}

/** The gateway's check of one request: a known token, or an AK/SK signature recomputed from what arrived. */
export async function verify(
  req: IncomingMessage,
  body: Buffer,
  options: Pick<VerifyingServerOptions, 'keys' | 'tokens' | 'clockOffsetMs'>,
): Promise<{ verdict: Received['verdict']; message: string }> {
  const headers = req.headers as Record<string, string>;
  if (!headers['authorization']) {
    return options.tokens?.includes(headers['x-auth-token'] ?? '')
      ? { verdict: 'ok', message: '' }
      : { verdict: 'no-auth', message: 'no credentials' };
  }
  const match = AUTH.exec(headers['authorization']);
  const sk = match ? options.keys?.[match[2]!] : undefined;
  if (!match || sk === undefined)
    return {
      verdict: 'bad-signature',
      message: 'Incorrect IAM authentication information: unknown access key or malformed Authorization',
    };
  const digest = match[1] === 'SDK-HMAC-SM3' ? sm3Digest() : sha256Digest(webCryptoHash);
  const signed = match[3]!.split(';');
  const date = parseSdkDate(headers['x-sdk-date'] ?? '');
  if (!signed.includes('x-sdk-date') || !date)
    return {
      verdict: 'bad-signature',
      message: 'Incorrect IAM authentication information: x-sdk-date missing or unsigned',
    };
  const serverNow = Date.now() + (options.clockOffsetMs ?? 0);
  if (Math.abs(date.getTime() - serverNow) > 15 * 60 * 1000) {
    return {
      verdict: 'expired',
      message:
        'Incorrect IAM authentication information: signature expired, x-sdk-date is too far from the server time',
    };
  }
  const url = new URL(req.url ?? '/', `http://${headers['host']}`);
  const { signature, canonicalRequest } = await computeSignature(
    { method: req.method ?? 'GET', url, headers, signedHeaders: signed, body: new Uint8Array(body) },
    digest.hmacHex(new TextEncoder().encode(sk)),
    digest,
  );
  if (signature !== match[4]) {
    return {
      verdict: 'bad-signature',
      message: `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest: ${canonicalRequest.replace(/\n/g, '|')}`,
    };
  }
  return { verdict: 'ok', message: '' };
}

const EMPTY_CONFIGURATION = { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false };

function storeReply(store: Map<string, object>, received: Received): Reply {
  const domain = new URL(received.url, 'http://x').searchParams.get('domain') ?? '';
  if (received.method === 'GET') return { status: 200, body: store.get(domain) ?? EMPTY_CONFIGURATION };
  if (received.method === 'DELETE') {
    store.delete(domain);
    return { status: 204 };
  }
  const body = JSON.parse(received.body.toString()) as Record<string, unknown>;
  store.set(domain, { ...EMPTY_CONFIGURATION, ...body, certificate_key: '' });
  return { status: 200 };
}

export async function startVerifyingServer(options: VerifyingServerOptions = {}): Promise<VerifyingServer> {
  const received: Received[] = [];
  const deployed = new Map<string, object>(Object.entries(options.deployed ?? {}));
  let counter = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const serverDate = new Date(Date.now() + (options.clockOffsetMs ?? 0)).toUTCString();
      const common: Record<string, string> = { date: serverDate, 'x-request-id': `verify-${++counter}` };
      if (options.cors) {
        Object.assign(common, {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': '*',
          'access-control-allow-methods': 'GET, PUT, DELETE',
          'access-control-expose-headers': 'x-request-id, date',
        });
        if (req.method === 'OPTIONS') {
          res.writeHead(204, common).end();
          return;
        }
      }
      const body = Buffer.concat(chunks);
      const { verdict, message } = await verify(req, body, options);
      const auth = AUTH.exec(req.headers['authorization'] ?? '');
      const entry: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers as Record<string, string>,
        body,
        verdict,
        algorithm: auth?.[1],
        accessKey: auth?.[2],
      };
      received.push(entry);
      const iam = options.projects && entry.url.startsWith('/v3/projects');
      const reply: Reply =
        verdict === 'ok'
          ? iam
            ? iamReply(entry, options.projects!)
            : (options.reply ?? (options.deployed ? (r: Received) => storeReply(deployed, r) : defaultReply))(entry)
          : verdict === 'no-auth'
            ? { status: 401, body: { error_code: 'LIVE.100011003', error_msg: 'Unauthorized access to the interface' } }
            : { status: 401, body: { error_code: 'APIGW.0301', error_msg: message } };
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...common,
        ...(text ? { 'content-type': 'application/json' } : {}),
        ...reply.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    deployed,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
