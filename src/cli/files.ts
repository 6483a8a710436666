// Reads the PEM files a user names, refusing early what cannot be a certificate or key.
import { readFileSync, statSync } from 'node:fs';
import { looksLikeDer, normalizePem } from '../check/pem.js';
import { UsageError } from './exit-codes.js';

/** A certificate chain or key is a few kB; anything this large is the wrong file. */
export const MAX_PEM_FILE_BYTES = 1024 * 1024;

export function readPemFile(path: string, flag: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory; give the PEM file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${flag} ${path}: ${describeFsError(error)}`);
  }
  if (size > MAX_PEM_FILE_BYTES) {
    throw new UsageError(`${flag} ${path}: is ${(size / 1024 / 1024).toFixed(1)} MB; a certificate or key file is a few kB - is this the right file?`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: ${describeFsError(error)}`);
  }
  if (bytes.length === 0) throw new UsageError(`${flag} ${path}: the file is empty`);
  if (looksLikeDer(bytes)) {
    const kind = flag.includes('key') ? 'pkey' : 'x509';
    throw new UsageError(`${flag} ${path}: looks like binary DER, not PEM text; convert it: openssl ${kind} -inform der -in ${path} -out ${path}.pem`);
  }
  // Users' files come with BOMs and CRLF line ends; the API wants plain PEM.
  return normalizePem(bytes.toString('utf8')).text;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

export function readDomainsFile(path: string): string[] {
  let text: string;
  try {
    if (statSync(path).size > MAX_PEM_FILE_BYTES) throw new UsageError(`--domains-file ${path}: larger than 1 MB; give one domain a line`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--domains-file ${path}: ${describeFsError(error)}`);
  }
  return text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}
