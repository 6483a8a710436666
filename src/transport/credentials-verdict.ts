// What an answer says of the credentials that signed it: refused (the gateway's 401 codes),
// refused for the signature's date, or let through. The transport tells the gate
// (credentials-gate.ts) what these say.

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
