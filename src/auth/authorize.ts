// Puts the credentials on a request: a token header, or the AK/SK signature.
import type { Authorize } from '../transport/live-transport.js';
import { createAkSkSigner } from './aksk-signer.js';
import { type Credentials, isAkSk } from './credentials.js';
import type { SigningHash } from './hash.js';

export function createAuthorizer(credentials: Credentials, projectId: string, hash?: SigningHash): Authorize {
  if (isAkSk(credentials)) {
    const sign = createAkSkSigner(credentials, hash);
    return (request, date) => {
      request.headers['x-project-id'] = projectId;
      return sign(request, date);
    };
  }
  return (request) => {
    request.headers['x-auth-token'] = credentials.token;
  };
}
