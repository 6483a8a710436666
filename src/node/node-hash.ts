// SHA-256 and HMAC from node:crypto: synchronous and several times faster than Web Crypto's
// promise round trips for the small inputs of a signature.
import { createHash, createHmac } from 'node:crypto';
import type { SigningHash } from '../auth/hash.js';

export const nodeHash: SigningHash = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256Hex: (key) => {
    const secret = Buffer.from(key);
    return (data) => createHmac('sha256', secret).update(data).digest('hex');
  },
};
