// The one answer to "is this method mutating", for the transport and the parse point alike.
/** The one answer to "does this request change something": every method but GET, HEAD and OPTIONS. */
export function isMutating(method: string): boolean {
  const upper = method.toUpperCase();
  return upper !== 'GET' && upper !== 'HEAD' && upper !== 'OPTIONS';
}
