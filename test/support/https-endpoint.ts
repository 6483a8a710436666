// An https "API" on 127.0.0.1 whose certificate a test CA issued (an IP SAN: no DNS), answering
// every request 204 and recording it: the far end of the proxy tests.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCert, newPki, run, type Pki } from './certs.js';

export interface HttpsEndpoint {
  url: string;
  /** The test CA and the server's own key and certificate (the https proxy reuses them). */
  pki: Pki;
  readonly received: { method: string; url: string; host: string | undefined; token: string | undefined }[];
  stop(): Promise<void>;
}

export async function startHttpsEndpoint(): Promise<HttpsEndpoint> {
  const pki = newPki();
  makeCert(pki, { name: 'ca', domains: ['Proxy Test CA'], days: 2, ca: true });
  writeFileSync(pki.path('server.ext'), 'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n');
  run(pki, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'server.key']);
  run(pki, ['req', '-new', '-key', 'server.key', '-subj', '/CN=127.0.0.1', '-out', 'server.csr']);
  run(pki, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.crt',
  ]);
  const received: HttpsEndpoint['received'] = [];
  const server = createServer({ key: pki.read('server.key'), cert: pki.read('server.crt') }, (req, res) => {
    req.resume();
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        host: req.headers.host,
        token: req.headers['x-auth-token'] as string | undefined,
      });
      // delete reads the deployed setting first (saved for rollback): an empty one.
      if (req.method === 'GET') {
        res
          .writeHead(200, { 'x-request-id': 'via-proxy', 'content-type': 'application/json' })
          .end('{"certificate_format":"PEM","certificate":"","certificate_key":"","force_redirect":false}');
      } else res.writeHead(204, { 'x-request-id': 'via-proxy' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pki,
    received,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      pki.cleanup();
    },
  };
}
