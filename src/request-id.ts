// The request id of a result whose type is the spec's data: kept as a non-enumerable property,
// as the Stainless SDKs keep `_request_id`, so the typed data, JSON.stringify and Object.keys
// stay exactly the spec's, and the id is still there to quote to support.

const REQUEST_ID = 'requestId';

/** Adds the (sanitised) request id to a result object, out of sight of its enumeration. */
export function withRequestId<T>(data: T, requestId: string | undefined): T {
  if (typeof data === 'object' && data !== null && Object.isExtensible(data))
    Object.defineProperty(data, REQUEST_ID, {
      value: requestId,
      enumerable: false,
      configurable: true,
      writable: false,
    });
  return data;
}

/**
 * The X-Request-Id of the response a result came from (show's data, update's and delete's
 * results alike), sanitised; undefined when the server sent none or the value is no result.
 */
export function requestIdOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const value = (result as Record<string, unknown>)[REQUEST_ID];
  return typeof value === 'string' ? value : undefined;
}
