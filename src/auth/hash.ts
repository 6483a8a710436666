// SHA-256 and HMAC-SHA256 for the signer: Web Crypto, present in Node 20+, Deno, Bun, edge
// runtimes and browsers; or, where the runtime offers Node's crypto module without an import
// (getBuiltinModule on the global process object: Node 20.16+, Deno, Bun), its synchronous hashes, which sign about
// twenty times faster than Web Crypto's promise round trips there.
import { ConfigurationError } from '../errors.js';
import { builtinModule } from '../internal/runtime.js';

export interface SigningHash {
  sha256Hex(data: Uint8Array): Promise<string> | string;
  /** Returns a function that HMACs with one fixed key; the key is imported once. */
  hmacSha256Hex(key: Uint8Array): (data: Uint8Array) => Promise<string> | string;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(buffer: ArrayBuffer | Uint8Array): string {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  let out = '';
  for (const byte of bytes) out += HEX_BYTE[byte];
  return out;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new Error(
      'Web Crypto (crypto.subtle) is not available in this runtime; it needs a secure context in browsers',
    );
  return s;
}

// Web Crypto wants a BufferSource backed by an ArrayBuffer, not a SharedArrayBuffer view.
const source = (data: Uint8Array): Uint8Array<ArrayBuffer> => data as Uint8Array<ArrayBuffer>;

export const webCryptoHash: SigningHash = {
  async sha256Hex(data) {
    return toHex(await subtle().digest('SHA-256', source(data)));
  },
  hmacSha256Hex(key) {
    const imported = subtle().importKey('raw', source(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return async (data) => toHex(await subtle().sign('HMAC', await imported, source(data)));
  },
};

interface NodeCryptoSubset {
  createHash(algorithm: 'sha256' | 'sm3'): { update(data: Uint8Array): { digest(encoding: 'hex'): string } };
  createHmac(
    algorithm: 'sha256' | 'sm3',
    key: Uint8Array,
  ): { update(data: Uint8Array): { digest(encoding: 'hex'): string } };
  getHashes(): string[];
}

/** Node's crypto module when the runtime hands it out without an import; undefined in browsers. */
function builtinCrypto(): NodeCryptoSubset | undefined {
  return builtinModule<NodeCryptoSubset>('node:crypto');
}

/** The hash the signer uses unless told otherwise: built-in crypto where offered, else Web Crypto. */
export function defaultHash(): SigningHash {
  const crypto = builtinCrypto();
  if (!crypto) return webCryptoHash;
  return {
    sha256Hex: (data) => crypto.createHash('sha256').update(data).digest('hex'),
    hmacSha256Hex: (key) => (data) => crypto.createHmac('sha256', key).update(data).digest('hex'),
  };
}

/** The AK/SK signing algorithms of the API gateway. */
export type SigningAlgorithm = 'SDK-HMAC-SHA256' | 'SDK-HMAC-SM3';
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['SDK-HMAC-SHA256', 'SDK-HMAC-SM3'];

/**
 * The one check of a signing algorithm (the client's option; the CLI hands its flag over as is):
 * one of SIGNING_ALGORITHMS, any letter case; SM3 needs the runtime's SM3 and no signingHash.
 */
export function checkSigningAlgorithm(
  value: unknown,
  context: { signingHash?: boolean; option?: string } = {},
): SigningAlgorithm | undefined {
  if (value === undefined) return undefined;
  const option = context.option ?? 'signingAlgorithm';
  const found = SIGNING_ALGORITHMS.find((name) => typeof value === 'string' && name === value.toUpperCase());
  if (!found) {
    throw new ConfigurationError(
      'signingAlgorithm',
      `${option} must be ${SIGNING_ALGORITHMS.join(' or ')}, got ${JSON.stringify(String(value))}`,
    );
  }
  if (found === 'SDK-HMAC-SM3') {
    if (context.signingHash)
      throw new ConfigurationError(
        'signingHash',
        'signingHash replaces SHA-256 only; it cannot be used with SDK-HMAC-SM3',
      );
    try {
      sm3Digest();
    } catch (error) {
      throw new ConfigurationError('signingAlgorithm', (error as Error).message);
    }
  }
  return found;
}

/** The digest and HMAC of one signing algorithm, and the names the gateway uses with it. */
export interface AlgorithmDigest {
  algorithm: SigningAlgorithm;
  /** The header that may say `UNSIGNED-PAYLOAD` instead of the body's digest. */
  contentHeader: string;
  emptyBodyHex: string;
  hashHex(data: Uint8Array): Promise<string> | string;
  hmacHex(key: Uint8Array): (data: Uint8Array) => Promise<string> | string;
}

export function sha256Digest(hash: SigningHash = defaultHash()): AlgorithmDigest {
  return {
    algorithm: 'SDK-HMAC-SHA256',
    contentHeader: 'x-sdk-content-sha256',
    emptyBodyHex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    hashHex: (data) => hash.sha256Hex(data),
    hmacHex: (key) => hash.hmacSha256Hex(key),
  };
}

/** Thrown where the runtime has no SM3 (browsers: Web Crypto has none). */
export class Sm3UnavailableError extends Error {
  override name = 'Sm3UnavailableError';
}

/** SM3 from the runtime's built-in crypto (Node's OpenSSL has it); an error where there is none. */
export function sm3Digest(): AlgorithmDigest {
  const crypto = builtinCrypto();
  if (!crypto || !crypto.getHashes().includes('sm3')) {
    throw new Sm3UnavailableError(
      'SDK-HMAC-SM3 needs SM3, which this runtime does not offer (Web Crypto has no SM3; Node, Deno and Bun with OpenSSL do); use SDK-HMAC-SHA256 here',
    );
  }
  return {
    algorithm: 'SDK-HMAC-SM3',
    contentHeader: 'x-sdk-content-sm3',
    emptyBodyHex: '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b',
    hashHex: (data) => crypto.createHash('sm3').update(data).digest('hex'),
    hmacHex: (key) => (data) => crypto.createHmac('sm3', key).update(data).digest('hex'),
  };
}

/** The digest for an algorithm; `hash` replaces the SHA-256 implementation only. */
export function digestFor(algorithm: SigningAlgorithm = 'SDK-HMAC-SHA256', hash?: SigningHash): AlgorithmDigest {
  return algorithm === 'SDK-HMAC-SM3' ? sm3Digest() : sha256Digest(hash);
}
