// Certificates, chains and keys made at test time with openssl: no private key is committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  /** Paths of files in dir. */
  path(name: string): string;
  read(name: string): string;
  cleanup(): void;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface LeafOptions {
  name: string;
  domains: string[];
  days: number;
  /** The CA files to sign with; self-signed without. */
  issuer?: { cert: string; key: string };
  ca?: boolean;
}

/** Makes <name>.key (PKCS#8 EC P-256) and <name>.crt. */
export function makeCert(pki: Pki, options: LeafOptions): void {
  const { name, domains, days } = options;
  openssl(pki.dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]);
  const ext = options.ca
    ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n'
    : `basicConstraints=CA:FALSE\nsubjectAltName=${domains.map((d) => `DNS:${d}`).join(',')}\nsubjectKeyIdentifier=hash\n`;
  writeFileSync(pki.path(`${name}.ext`), ext);
  if (!options.issuer) {
    openssl(pki.dir, [
      'req',
      '-new',
      '-x509',
      '-key',
      `${name}.key`,
      '-subj',
      `/CN=${domains[0] ?? name}`,
      '-days',
      String(days),
      '-extensions',
      'v3',
      '-config',
      writeReqConfig(pki, name, ext),
      '-out',
      `${name}.crt`,
    ]);
    return;
  }
  openssl(pki.dir, ['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${domains[0] ?? name}`, '-out', `${name}.csr`]);
  openssl(pki.dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    options.issuer.cert,
    '-CAkey',
    options.issuer.key,
    '-CAcreateserial',
    '-days',
    String(days),
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.crt`,
  ]);
}

function writeReqConfig(pki: Pki, name: string, ext: string): string {
  const file = `${name}.cnf`;
  writeFileSync(pki.path(file), `[req]\ndistinguished_name=dn\n[dn]\n[v3]\n${ext}`);
  return file;
}

export function run(pki: Pki, args: string[]): void {
  openssl(pki.dir, args);
}

export function newPki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'live-pki-'));
  return {
    dir,
    path: (name) => join(dir, name),
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A CA, an intermediate and leaves for play.example.com (60 days), *.example.com (60 days),
 * soon.example.com (10 days); an RSA key in PKCS#1, an EC key in SEC1, encrypted keys, SM2 pairs.
 */
export function standardPki(): Pki {
  const pki = newPki();
  makeCert(pki, { name: 'ca', domains: ['Test Root CA'], days: 365, ca: true });
  makeCert(pki, {
    name: 'int',
    domains: ['Test Intermediate CA'],
    days: 365,
    ca: true,
    issuer: { cert: 'ca.crt', key: 'ca.key' },
  });
  const int = { cert: 'int.crt', key: 'int.key' };
  makeCert(pki, { name: 'leaf', domains: ['play.example.com', 'www.example.com'], days: 60, issuer: int });
  makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 60, issuer: int });
  makeCert(pki, { name: 'soon', domains: ['soon.example.com'], days: 10, issuer: int });
  makeCert(pki, { name: 'other', domains: ['other.example.org'], days: 60, issuer: int });
  writeFileSync(pki.path('chain.crt'), pki.read('leaf.crt') + pki.read('int.crt'));
  writeFileSync(pki.path('reversed.crt'), pki.read('int.crt') + pki.read('leaf.crt'));
  // Other key encodings of the leaf key, and encrypted forms.
  run(pki, ['ec', '-in', 'leaf.key', '-out', 'leaf.sec1.key']);
  run(pki, ['pkey', '-in', 'leaf.key', '-aes256', '-passout', 'pass:secret', '-out', 'leaf.enc.key']);
  run(pki, ['genrsa', '-traditional', '-out', 'rsa.pkcs1.key', '2048']);
  run(pki, [
    'req',
    '-new',
    '-x509',
    '-key',
    'rsa.pkcs1.key',
    '-subj',
    '/CN=rsa.example.com',
    '-addext',
    'subjectAltName=DNS:rsa.example.com',
    '-days',
    '60',
    '-out',
    'rsa.crt',
  ]);
  run(pki, [
    'rsa',
    '-in',
    'rsa.pkcs1.key',
    '-traditional',
    '-aes256',
    '-passout',
    'pass:secret',
    '-out',
    'rsa.enc.key',
  ]);
  // SM2 sign and enc pairs, as the SM (GM) certificate needs.
  for (const use of ['sign', 'enc']) {
    run(pki, ['genpkey', '-algorithm', 'SM2', '-out', `sm2-${use}.key`]);
    run(pki, [
      'req',
      '-new',
      '-x509',
      '-key',
      `sm2-${use}.key`,
      '-sm3',
      '-subj',
      '/CN=gm.example.com',
      '-addext',
      'subjectAltName=DNS:gm.example.com',
      '-days',
      '60',
      '-out',
      `sm2-${use}.crt`,
    ]);
  }
  return pki;
}
