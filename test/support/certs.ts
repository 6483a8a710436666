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
  /** The SAN's DNS names; the first is the CN too. */
  domains: string[];
  days: number;
  /** The CA files to sign with; self-signed without. */
  issuer?: { cert: string; key: string };
  ca?: boolean;
  /** The key made for it: EC P-256 (default), RSA of 1024 bits, or Ed25519. */
  keyType?: 'ec' | 'rsa1024' | 'ed25519';
  /** An existing key file to certify instead of a new <name>.key (another version of a certificate). */
  keyFile?: string;
  /** false: no subjectAltName at all, the name only in the subject CN. */
  san?: boolean;
}

const KEY_ARGS = {
  ec: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  rsa1024: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  ed25519: ['-algorithm', 'ed25519'],
};

/** Makes <name>.key (PKCS#8; unless `keyFile` is given) and <name>.crt. */
export function makeCert(pki: Pki, options: LeafOptions): void {
  const { name, domains, days } = options;
  const key = options.keyFile ?? `${name}.key`;
  if (!options.keyFile) openssl(pki.dir, ['genpkey', ...KEY_ARGS[options.keyType ?? 'ec'], '-out', key]);
  const san = options.san === false ? '' : `subjectAltName=${domains.map((d) => `DNS:${d}`).join(',')}\n`;
  const ext = options.ca
    ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n'
    : `basicConstraints=CA:FALSE\n${san}subjectKeyIdentifier=hash\n`;
  writeFileSync(pki.path(`${name}.ext`), ext);
  if (!options.issuer) {
    openssl(pki.dir, [
      'req',
      '-new',
      '-x509',
      '-key',
      key,
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
  openssl(pki.dir, ['req', '-new', '-key', key, '-subj', `/CN=${domains[0] ?? name}`, '-out', `${name}.csr`]);
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

/**
 * Certificates that were judged wrongly (issue 16), added to a standard PKI: `nosan` (the name in
 * the CN only), `rsa1024` and `ed25519` leaves for play.example.com; an intermediate in two
 * versions, `cross-old.crt` and `cross-new.crt` (one key and subject, issued by `old-root` and by
 * `new-root`), with its leaf `crossleaf` for play.example.com; `unrelated`, self-signed for
 * unrelated.example.net; `idn`, for xn--bcher-kva.example.com (bücher.example.com).
 */
export function addReviewCerts(pki: Pki): void {
  const int = { cert: 'int.crt', key: 'int.key' };
  makeCert(pki, { name: 'nosan', domains: ['play.example.com'], days: 60, issuer: int, san: false });
  makeCert(pki, { name: 'rsa1024', domains: ['play.example.com'], days: 60, issuer: int, keyType: 'rsa1024' });
  makeCert(pki, { name: 'ed25519', domains: ['play.example.com'], days: 60, issuer: int, keyType: 'ed25519' });
  makeCert(pki, { name: 'old-root', domains: ['Old Root CA'], days: 365, ca: true });
  makeCert(pki, { name: 'new-root', domains: ['New Root CA'], days: 365, ca: true });
  run(pki, ['genpkey', ...KEY_ARGS.ec, '-out', 'cross.key']);
  for (const root of ['old', 'new'])
    makeCert(pki, {
      name: `cross-${root}`,
      domains: ['Cross-signed Intermediate CA'],
      days: 365,
      ca: true,
      keyFile: 'cross.key',
      issuer: { cert: `${root}-root.crt`, key: `${root}-root.key` },
    });
  makeCert(pki, {
    name: 'crossleaf',
    domains: ['play.example.com'],
    days: 60,
    issuer: { cert: 'cross-new.crt', key: 'cross.key' },
  });
  makeCert(pki, { name: 'unrelated', domains: ['unrelated.example.net'], days: 60 });
  makeCert(pki, { name: 'idn', domains: ['xn--bcher-kva.example.com'], days: 60, issuer: int });
}
