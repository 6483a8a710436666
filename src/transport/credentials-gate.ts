// The gateway locks an access key for 5 minutes after 5 refused signatures in a row, and every
// other tool of the account stops working with it. So once an answer shows the credentials were
// refused, the client sends nothing more with those same credentials: later calls fail at once.
// New credentials from a provider (rotation, a fixed file) open the gate again; so does a new client.
// What an answer says of the credentials is read by credentials-verdict.ts.
import { LiveCredentialsRefusedError, type OperationId } from '../errors.js';

/** What the client knows of its credentials: nothing yet, accepted by an answer, or refused. */
export type CredentialsState = 'unknown' | 'accepted' | 'refused';

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
