// A stateful fake of the two services a fleet deployment talks to, each on its own 127.0.0.1
// endpoint as in production: Live (ShowDomain, ShowCertificateInfo a page at a time, the HTTPS
// certificate GET/PUT/DELETE of a domain) and Cloud Certificate Manager (ImportCertificate,
// ListCertificates), and the IAM call that finds CCM's account id (KeystoneListAuthDomains). Both check the AK/SK signature as the gateway does (verifying-server.ts) and
// record every request, so a test can count the calls of an operation and read what each carried.
// The state behaves as the API does: a PUT changes what GET and ShowCertificateInfo answer, a
// domain bound to CCM reads its validity from the CCM certificate, an import is listed by name.
// CCM never keeps a private key here (it checks the pair and drops the key).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Received, type Reply, verify } from './verifying-server.js';

export type FakeOperation =
  | 'ShowDomain'
  | 'ShowCertificateInfo'
  | 'ShowDomainHttpsCert'
  | 'UpdateDomainHttpsCert'
  | 'DeleteDomainHttpsCert'
  | 'ImportCertificate'
  | 'ListCertificates'
  | 'KeystoneListAuthDomains'
  | 'unknown';

export interface FakeReceived extends Received {
  service: 'live' | 'ccm' | 'iam';
  operation: FakeOperation;
  /** The parsed JSON body, when there was one. */
  json?: Record<string, unknown> | undefined;
}

export interface FakeDomain {
  domain: string;
  domain_type: 'pull' | 'push';
  status: 'on' | 'off' | 'configuring';
  /** The deployed HTTPS certificate configuration (as GET answers it); none by default. */
  config?: Record<string, unknown> | undefined;
}

export interface CcmCertificate {
  id: string;
  name: string;
  /** The leaf and the chain as imported (no key: CCM's store here never keeps one). */
  certificate: string;
  certificate_chain: string;
  domain: string;
  sans: string;
  expire_time: string;
  not_before: string;
}

export interface FakeCloudOptions {
  /** AK -> SK. */
  keys?: Record<string, string>;
  tokens?: string[];
  projectId: string;
  /**
   * The account id: given, a CCM request signed with AK/SK must carry it as X-Domain-Id (signed),
   * as the official SDK's GlobalCredentials send it, and no X-Project-Id.
   */
  domainId?: string | undefined;
  domains: FakeDomain[];
  /** Certificates already in CCM (PEM leaf + chain + key, checked like an import). */
  ccm?: { name: string; certificate: string; certificate_chain?: string; private_key: string }[];
  /** Answer a request (after auth) instead of the fake's state: a fault a test injects. */
  intercept?: (received: FakeReceived) => Reply | undefined;
}

export interface FakeCloud {
  liveUrl: string;
  ccmUrl: string;
  /** IAM: answers KeystoneListAuthDomains (the account of the key: `domainId`). */
  iamUrl: string;
  received: FakeReceived[];
  domains: Map<string, FakeDomain>;
  ccm: CcmCertificate[];
  /** The requests of one operation that passed authentication. */
  calls(operation: FakeOperation): FakeReceived[];
  stop(): Promise<void>;
}

const EMPTY_CONFIGURATION = { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false };
const error = (status: number, code: string, msg: string): Reply => ({
  status,
  body: { error_code: code, error_msg: msg },
});
const liveBadRequest = (msg: string) => error(400, 'LIVE.100011001', `Request Illegal: ${msg}`);
const notFound = () => error(404, 'LIVE.103011019', 'The resource to access is not exists');

/** Live's `YYYY-MM-DDTHH:mm:ssZ`. */
const liveTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

// A fleet shares a few certificates: parse each text once, not once per domain per page.
const parsed = new Map<string, X509Certificate[]>();
function certificatesOf(pem: string): X509Certificate[] {
  const known = parsed.get(pem);
  if (known) return known;
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const certs = blocks.map((b) => new X509Certificate(b));
  parsed.set(pem, certs);
  return certs;
}

function sansOf(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4));
}

/** The PEM a stored configuration deploys, when it is an uploaded one. */
function uploadedPem(config: Record<string, unknown> | undefined): string | undefined {
  if (!config) return undefined;
  const tls = config['tls_certificate'] as Record<string, unknown> | undefined;
  if (tls) return tls['source'] === 'scm' ? undefined : (tls['certificate'] as string | undefined) || undefined;
  return (config['certificate'] as string | undefined) || undefined;
}

function scmBinding(config: Record<string, unknown> | undefined): { cert_id: string; cert_name: string } | undefined {
  const tls = config?.['tls_certificate'] as Record<string, unknown> | undefined;
  return tls?.['source'] === 'scm'
    ? { cert_id: String(tls['cert_id'] ?? ''), cert_name: String(tls['cert_name'] ?? '') }
    : undefined;
}

/** What a PUT stores: the body with every key blanked, as the API never answers one. */
function stored(body: Record<string, unknown>): Record<string, unknown> {
  const tls = body['tls_certificate'] as Record<string, unknown> | undefined;
  return {
    ...EMPTY_CONFIGURATION,
    ...body,
    certificate_key: '',
    ...(tls ? { tls_certificate: { ...tls, ...(tls['certificate_key'] ? { certificate_key: '' } : {}) } } : {}),
  };
}

function operationOf(
  service: 'live' | 'ccm' | 'iam',
  method: string,
  pathname: string,
  projectId: string,
): FakeOperation {
  if (service === 'iam')
    return method === 'GET' && pathname === '/v3/auth/domains' ? 'KeystoneListAuthDomains' : 'unknown';
  if (service === 'ccm') {
    if (method === 'POST' && pathname === '/v3/scm/certificates/import') return 'ImportCertificate';
    if (method === 'GET' && pathname === '/v3/scm/certificates') return 'ListCertificates';
    return 'unknown';
  }
  if (method === 'GET' && pathname === `/v1/${projectId}/domain`) return 'ShowDomain';
  if (method === 'GET' && pathname === `/v2/${projectId}/certificates`) return 'ShowCertificateInfo';
  if (pathname === `/v1/${projectId}/guard/https-cert`) {
    if (method === 'GET') return 'ShowDomainHttpsCert';
    if (method === 'PUT') return 'UpdateDomainHttpsCert';
    if (method === 'DELETE') return 'DeleteDomainHttpsCert';
  }
  return 'unknown';
}

export async function startFakeCloud(options: FakeCloudOptions): Promise<FakeCloud> {
  const received: FakeReceived[] = [];
  const domains = new Map(options.domains.map((d) => [d.domain, { ...d }]));
  const ccm: CcmCertificate[] = [];
  let nextId = 1_700_000_000_000;
  let counter = 0;

  const importCertificate = (body: Record<string, unknown>): Reply => {
    const { name, certificate, certificate_chain: chain, private_key: key } = body as Record<string, string>;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{3,63}$/.test(name))
      return error(400, 'SCM.0001', 'Invalid certificate name');
    if (typeof certificate !== 'string' || typeof key !== 'string')
      return error(400, 'SCM.0001', 'certificate and private_key are required');
    let leaf: X509Certificate;
    try {
      const certs = certificatesOf(certificate);
      leaf = certs[0]!;
      if (!leaf.checkPrivateKey(createPrivateKey(key))) return error(400, 'SCM.0002', 'The key does not match');
    } catch {
      return error(400, 'SCM.0003', 'Unreadable certificate or key');
    }
    const sans = sansOf(leaf);
    const entry: CcmCertificate = {
      id: `scs${nextId++}`,
      name,
      certificate,
      certificate_chain: typeof chain === 'string' ? chain : '',
      domain: sans[0] ?? '',
      sans: sans.join(';'),
      expire_time: liveTime(new Date(leaf.validTo)),
      not_before: liveTime(new Date(leaf.validFrom)),
    };
    ccm.push(entry);
    return { status: 200, body: { certificate_id: entry.id } };
  };
  for (const seed of options.ccm ?? []) {
    const reply = importCertificate(seed);
    if (reply.status !== 200) throw new Error(`fake CCM seed ${seed.name}: ${JSON.stringify(reply.body)}`);
  }

  const certificateInfo = (d: FakeDomain) => {
    const scm = scmBinding(d.config);
    let validity: { start: string; end: string } | undefined;
    if (scm) {
      const c = ccm.find((x) => x.id === scm.cert_id);
      if (c) validity = { start: c.not_before, end: c.expire_time };
    } else {
      const leaf = certificatesOf(uploadedPem(d.config) ?? '')[0];
      if (leaf) validity = { start: liveTime(new Date(leaf.validFrom)), end: liveTime(new Date(leaf.validTo)) };
    }
    if (!validity) return undefined;
    return {
      play_domain: d.domain,
      project_id: options.projectId,
      tenant_name: 'fake',
      start_time: validity.start,
      expire_time: validity.end,
      cert_type: 0,
      source: scm ? 'scm' : 'user',
      cert_name: scm?.cert_name ?? '',
      cert_id: scm?.cert_id ?? '',
    };
  };

  const live = (r: FakeReceived, url: URL): Reply => {
    const q = url.searchParams;
    switch (r.operation) {
      case 'ShowDomain': {
        const only = q.get('domain');
        const list = [...domains.values()].filter((d) => !only || d.domain === only);
        return {
          status: 200,
          body: {
            total: list.length,
            domain_info: list.map((d) => ({
              domain: d.domain,
              domain_type: d.domain_type,
              vendor: 'huawei',
              region: 'cn-north-4',
              domain_cname: `${d.domain}.c.cdnhwc1.com`,
              status: d.status,
              related_domain: d.domain_type === 'pull' ? 'push.example.com' : '',
              create_time: '2024-01-01T00:00:00Z',
            })),
          },
        };
      }
      case 'ShowCertificateInfo': {
        const limit = Number(q.get('limit') ?? 10);
        const offset = Number(q.get('offset') ?? 0);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return liveBadRequest('limit must be 1-100');
        if (!Number.isInteger(offset) || offset < 0) return liveBadRequest('offset');
        const only = q.get('play_domain');
        const all = [...domains.values()]
          .filter((d) => d.domain_type === 'pull' && (!only || d.domain === only))
          .sort((a, b) => a.domain.localeCompare(b.domain))
          .flatMap((d) => certificateInfo(d) ?? []);
        return { status: 200, body: { total: all.length, certificates_info: all.slice(offset, offset + limit) } };
      }
      case 'ShowDomainHttpsCert':
      case 'UpdateDomainHttpsCert':
      case 'DeleteDomainHttpsCert': {
        const d = domains.get(q.get('domain') ?? '');
        if (!d) return notFound();
        if (r.operation === 'ShowDomainHttpsCert') return { status: 200, body: d.config ?? EMPTY_CONFIGURATION };
        if (r.operation === 'DeleteDomainHttpsCert') {
          d.config = undefined;
          return { status: 204 };
        }
        if (d.domain_type !== 'pull') return liveBadRequest('a push domain has no HTTPS certificate');
        const body = r.json ?? {};
        const scm = scmBinding(body);
        if (scm && !ccm.some((c) => c.id === scm.cert_id)) return liveBadRequest('unknown cert_id');
        d.config = stored(body);
        return { status: 200 };
      }
      default:
        return error(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
    }
  };

  const ccmReply = (r: FakeReceived, url: URL): Reply => {
    if (r.operation === 'ImportCertificate') return importCertificate(r.json ?? {});
    if (r.operation === 'ListCertificates') {
      const limit = Number(url.searchParams.get('limit') ?? 10);
      if (![10, 20, 50].includes(limit)) return error(400, 'SCM.0001', 'limit must be 10, 20 or 50');
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const content = url.searchParams.get('content');
      const all = ccm.filter((c) => !content || c.name.includes(content) || c.sans.includes(content));
      return {
        status: 200,
        body: {
          total_count: all.length,
          certificates: all.slice(offset, offset + limit).map((c) => ({
            id: c.id,
            name: c.name,
            domain: c.domain,
            sans: c.sans,
            expire_time: c.expire_time,
            status: 'UPLOAD',
            type: 'DV_SSL_CERT',
          })),
        },
      };
    }
    return error(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
  };

  const iamReply = (r: FakeReceived): Reply =>
    r.operation === 'KeystoneListAuthDomains'
      ? {
          status: 200,
          body: {
            links: { self: 'http://iam/v3/auth/domains', previous: null, next: null },
            domains: options.domainId ? [{ id: options.domainId, name: 'fake-account', enabled: true }] : [],
          },
        }
      : error(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');

  const serve = (service: 'live' | 'ccm' | 'iam') =>
    createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? '/', 'http://fake');
        const { verdict, message } = await verify(req, body, options);
        let json: Record<string, unknown> | undefined;
        try {
          json = body.length ? (JSON.parse(body.toString()) as Record<string, unknown>) : undefined;
        } catch {
          json = undefined;
        }
        const entry: FakeReceived = {
          service,
          operation: operationOf(service, req.method ?? '', url.pathname, options.projectId),
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers as Record<string, string>,
          body,
          json,
          verdict,
        };
        received.push(entry);
        let reply: Reply;
        if (verdict === 'no-auth') reply = error(401, 'APIGW.0301', 'no credentials');
        else if (verdict !== 'ok') reply = error(401, 'APIGW.0301', message);
        else if (
          service === 'live' &&
          entry.headers['authorization'] &&
          entry.headers['x-project-id'] !== options.projectId
        )
          reply = error(401, 'APIGW.0301', 'X-Project-Id does not name the project of the path');
        else if (
          service === 'ccm' &&
          options.domainId !== undefined &&
          entry.headers['authorization'] &&
          (entry.headers['x-domain-id'] !== options.domainId ||
            entry.headers['x-project-id'] !== undefined ||
            !/SignedHeaders=[^,]*x-domain-id/.test(entry.headers['authorization']))
        )
          reply = error(
            401,
            'APIGW.0301',
            'a global service is signed with X-Domain-Id (the account id), not X-Project-Id',
          );
        else
          reply =
            options.intercept?.(entry) ??
            (service === 'live' ? live(entry, url) : service === 'ccm' ? ccmReply(entry, url) : iamReply(entry));
        const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          'x-request-id': `fake-${service}-${++counter}`,
          ...(text ? { 'content-type': 'application/json' } : {}),
          ...reply.headers,
        });
        res.end(text);
      });
    });

  const servers: Server[] = [serve('live'), serve('ccm'), serve('iam')];
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return {
    liveUrl: urlOf(servers[0]!),
    ccmUrl: urlOf(servers[1]!),
    iamUrl: urlOf(servers[2]!),
    received,
    domains,
    ccm,
    calls: (operation) => received.filter((r) => r.operation === operation && r.verdict === 'ok'),
    stop: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
