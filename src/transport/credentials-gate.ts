// The gateway locks an access key for 5 minutes after 5 refused signatures in a row, and every
// other tool of the account stops working with it. So once an answer shows the credentials were
// refused, the client sends nothing more with those same credentials: later calls fail at once.
// New credentials from a provider (rotation, a fixed file) open the gate again; so does a new client.
import { LiveCredentialsRefusedError, type OperationId } from '../errors.js';

/** What the client knows of its credentials: nothing yet, accepted by an answer, or refused. */
export type CredentialsState = 'unknown' | 'accepted' | 'refused';

/** The error codes of a refused signature or key, and of a signature whose date was refused. */
const REFUSED_CODES = new Set(['APIG.0301', 'APIGW.0301']);
const EXPIRED_CODES = new Set(['APIG.0303', 'APIGW.0303']);
/** Codes that say the answer came from the gateway itself, before the credentials were looked at as accepted. */
const GATEWAY_CODE = /^APIGW?\./;

export function isSignatureExpired(errorCode: string | undefined, errorMsg: string | undefined): boolean {
  return (errorCode !== undefined && EXPIRED_CODES.has(errorCode)) || /expire/i.test(errorMsg ?? '');
}

/**
 * Whether a 401 says the credentials or the signature were refused: the refusal codes, a 401
 * without a code, or a signature-expired code once the one clock re-sign has been used.
 */
export function refusesCredentials(
  status: number,
  errorCode: string | undefined,
  errorMsg: string | undefined,
  clockRetried: boolean,
): boolean {
  if (status !== 401) return false;
  if (errorCode === undefined || REFUSED_CODES.has(errorCode)) return true;
  return clockRetried && isSignatureExpired(errorCode, errorMsg);
}

/** Whether an answer shows the gateway let the credentials through. */
export function acceptsCredentials(status: number, errorCode: string | undefined): boolean {
  if (status >= 200 && status < 300) return true;
  if (status === 401 || status === 403 || status === 429 || status >= 500) return false;
  return status >= 400 && !(errorCode !== undefined && GATEWAY_CODE.test(errorCode));
}

export interface CredentialsGate {
  readonly state: CredentialsState;
  /** Throws LiveCredentialsRefusedError when these credentials were refused before. */
  check(identity: string | undefined, operation: OperationId | undefined): void;
  refused(identity: string | undefined): void;
  accepted(identity: string | undefined): void;
}

export function createCredentialsGate(): CredentialsGate {
  let refusedIdentity: string | undefined;
  let state: CredentialsState = 'unknown';
  const forget = (identity: string | undefined) => {
    // Other credentials than the refused ones: what was learnt is about the old ones only.
    if (refusedIdentity !== undefined && (identity ?? '') !== refusedIdentity) {
      refusedIdentity = undefined;
      state = 'unknown';
    }
  };
  return {
    get state() {
      return state;
    },
    check(identity, operation) {
      forget(identity);
      if (refusedIdentity !== undefined) throw new LiveCredentialsRefusedError(operation);
    },
    refused(identity) {
      refusedIdentity = identity ?? '';
      state = 'refused';
    },
    accepted(identity) {
      forget(identity);
      if (refusedIdentity === undefined) state = 'accepted';
    },
  };
}
