// TLS failures are not transient: an untrusted CA, a wrong name or an expired certificate is a
// LiveTlsError after one attempt, naming the cause and NODE_EXTRA_CA_CERTS, on every sender.
// Certificates are made at test time (no key is committed).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveTlsError } from '../../src/index.js';
import { newPki, type Pki, run } from '../support/certs.js';
import { type FaultHandler, type FaultServer, startTlsFaultServer } from '../support/fault-server.js';
import { failure, hostileClient, outcomeOf, printOutcomesAfterAll, record, SENDERS } from './support.js';

printOutcomesAfterAll('TLS');

let pki: Pki;
const servers: Record<'valid' | 'wrongName' | 'expired', FaultServer | undefined> = {
  valid: undefined,
  wrongName: undefined,
  expired: undefined,
};
const connectionsBefore = new Map<string, number>();

/** A leaf signed by the test CA: `san` as openssl writes it, `days` may be negative (expired). */
function leaf(name: string, san: string, days: number): void {
  run(pki, [
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-subj',
    `/CN=${name}`,
    '-out',
    `${name}.csr`,
  ]);
  writeFileSync(pki.path(`${name}.ext`), `basicConstraints=CA:FALSE\nsubjectAltName=${san}\n`);
  run(pki, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    String(days),
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.crt`,
  ]);
}

const tls = (name: string) => ({ cert: pki.read(`${name}.crt`), key: pki.read(`${name}.key`) });
const json: FaultHandler = (_req, res) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"certificate_format":"PEM"}');

beforeAll(async () => {
  pki = newPki();
  run(pki, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-subj',
    '/CN=Hostile Test CA',
    '-days',
    '2',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  ]);
  leaf('valid', 'IP:127.0.0.1', 2);
  leaf('wrongname', 'DNS:other.example.org', 2);
  leaf('expired', 'IP:127.0.0.1', -1);
  servers.valid = await startTlsFaultServer(tls('valid'), json);
  servers.wrongName = await startTlsFaultServer(tls('wrongname'), json);
  servers.expired = await startTlsFaultServer(tls('expired'), json);
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.stop()));
  pki.cleanup();
});

describe.each(SENDERS)('a CA the client does not trust, over $name', (sender) => {
  it('LiveTlsError after 1 attempt (no retry), naming the cause and NODE_EXTRA_CA_CERTS', async () => {
    const server = servers.valid!;
    connectionsBefore.set(sender.name, server.connections!);
    const error = await failure(
      hostileClient(sender, server.url, { retries: 2 }).showDomainHttpsCert({ domain: 'a.example.com' }),
    );
    expect(error).toBeInstanceOf(LiveTlsError);
    expect(error).toMatchObject({ attempts: 1, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
    expect(error.message).toContain('not trusted');
    expect(error.message).not.toMatch(/raise the timeout/);
    expect(server.connections! - connectionsBefore.get(sender.name)!).toBe(1);
    expect(server.count).toBe(0);
    record('TLS: CA not trusted', sender.name, outcomeOf(error));
  });
});

describe('with the test CA trusted through NODE_EXTRA_CA_CERTS (a child process)', () => {
  interface Result {
    label: string;
    sender: string;
    ok: boolean;
    name?: string;
    code?: string;
    attempts?: number;
    message?: string;
  }
  let results: Result[];

  beforeAll(async () => {
    const child = fileURLToPath(new URL('./tls-child.ts', import.meta.url));
    const urls = { valid: servers.valid!.url, wrongName: servers.wrongName!.url, expired: servers.expired!.url };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, JSON.stringify(urls)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.path('ca.crt') },
      timeout: 30_000,
    });
    results = JSON.parse(stdout) as Result[];
  });

  const of = (label: string, sender: string) => results.find((r) => r.label === label && r.sender === sender)!;

  it.each(SENDERS.map((s) => s.name))('the valid certificate works over %s (the trust set-up is real)', (sender) => {
    expect(of('valid', sender)).toMatchObject({ ok: true, info: { certificate_format: 'PEM' } });
  });

  it.each(SENDERS.map((s) => s.name))('a wrong name over %s: LiveTlsError, 1 attempt, names the cause', (sender) => {
    const result = of('wrongName', sender);
    expect(result).toMatchObject({
      ok: false,
      name: 'LiveTlsError',
      attempts: 1,
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
    expect(result.message).toContain('not issued for that name');
    expect(result.message).toContain('NODE_EXTRA_CA_CERTS');
    record('TLS: wrong name', sender, `${result.name}, ${result.code}, ${result.attempts} attempt(s)`);
  });

  it.each(SENDERS.map((s) => s.name))(
    'an expired certificate over %s: LiveTlsError, 1 attempt, names the cause',
    (sender) => {
      const result = of('expired', sender);
      expect(result).toMatchObject({ ok: false, name: 'LiveTlsError', attempts: 1, code: 'CERT_HAS_EXPIRED' });
      expect(result.message).toContain('expired');
      expect(result.message).toContain('NODE_EXTRA_CA_CERTS');
      record('TLS: expired certificate', sender, `${result.name}, ${result.code}, ${result.attempts} attempt(s)`);
    },
  );
});
