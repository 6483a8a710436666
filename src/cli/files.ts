// Reads the PEM files a user names, refusing early what cannot be a certificate or key.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { looksLikeDer, normalizePem } from '../check/pem.js';
import { UsageError } from './exit-codes.js';
import { thrownField } from './thrown.js';

/** A certificate chain or key is a few kB; anything this large is the wrong file. */
export const MAX_PEM_FILE_BYTES = 1024 * 1024;

/**
 * A PEM file's text. A private key file (`warn` given) that group or others may read or write
 * gets a warning, as the credentials file does: the key is as secret as the SK.
 */
export function readPemFile(path: string, flag: string, warn?: (message: string) => void): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory; give the PEM file`);
    size = stat.size;
    const mode = stat.mode & 0o777;
    if (warn && process.platform !== 'win32' && stat.isFile() && mode & 0o077)
      warn(
        `warning: ${flag} ${path} is accessible by group or others (mode ${mode.toString(8).padStart(4, '0')}); a private key should be private: chmod 600 ${path}\n`,
      );
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${flag} ${path}: ${describeFsError(error)}`);
  }
  if (size > MAX_PEM_FILE_BYTES) {
    throw new UsageError(
      `${flag} ${path}: is ${(size / 1024 / 1024).toFixed(1)} MB; a certificate or key file is a few kB - is this the right file?`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, MAX_PEM_FILE_BYTES);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: ${describeFsError(error)}`);
  }
  if (bytes.length > MAX_PEM_FILE_BYTES)
    throw new UsageError(
      `${flag} ${path}: gives more than 1 MB; a certificate or key file is a few kB - is this the right file?`,
    );
  if (bytes.length === 0) throw new UsageError(`${flag} ${path}: the file is empty`);
  if (looksLikeDer(bytes)) {
    const kind = flag.includes('key') ? 'pkey' : 'x509';
    throw new UsageError(
      `${flag} ${path}: looks like binary DER, not PEM text; convert it: openssl ${kind} -inform der -in ${path} -out ${path}.pem`,
    );
  }
  // Users' files come with BOMs and CRLF line ends; the API wants plain PEM.
  return normalizePem(bytes.toString('utf8')).text;
}

/**
 * At most `max + 1` bytes of a file. The size from stat says nothing for a pipe or a device
 * (`<(vault read ...)` is a pipe, `/dev/zero` never ends): reading stops one byte past the limit.
 */
function readAtMost(path: string, max: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= max) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, max + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

function describeFsError(error: unknown): string {
  const code = thrownField(error, 'code');
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory; give a file';
  return String(thrownField(error, 'message'));
}

export function readDomainsFile(path: string): string[] {
  let text: string;
  try {
    if (statSync(path).size > MAX_PEM_FILE_BYTES)
      throw new UsageError(`--domains-file ${path}: larger than 1 MB; give one domain a line`);
    const bytes = readAtMost(path, MAX_PEM_FILE_BYTES);
    if (bytes.length > MAX_PEM_FILE_BYTES)
      throw new UsageError(`--domains-file ${path}: gives more than 1 MB; give one domain a line`);
    text = bytes.toString('utf8');
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
