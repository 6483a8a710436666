// An answer that must not be used as one: a redirect (never followed: the signature and tokens
// would go wherever it points), or a status HTTP does not have. Loaded by the transport the first
// time such an answer comes, so the wording is not part of what a program loads to send.
import { LiveRedirectError, LiveResponseError, type OperationId } from '../errors.js';
import { serverText } from '../internal/server-text.js';
import { isMutating, type OutgoingRequest } from './outgoing.js';
import type { WireResponse } from './sender.js';

const KEEP_EXCERPT = 256;

function headerOf(wire: WireResponse, name: string): string | null {
  return (wire.headers instanceof Headers ? wire.headers : new Headers(wire.headers)).get(name);
}

/** A Location made safe to show: resolved against the request, user info removed, sanitised. */
function safeLocation(location: string | null, base: URL, secrets: readonly string[]): string | undefined {
  if (location === null) return undefined;
  let shown: string;
  try {
    const url = new URL(location, base);
    url.username = '';
    url.password = '';
    shown = url.href;
  } catch {
    shown = location.replace(/^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]*@/i, '$1//');
  }
  return serverText(shown, secrets, 512);
}

/** The error for an answer that is not final (a redirect, a status outside 200-599), else undefined. */
export function refusal(
  wire: WireResponse,
  request: OutgoingRequest,
  operation: OperationId | undefined,
  attempts: number,
  secrets: readonly string[],
): Error | undefined {
  const what = `${operation ?? request.method} to ${request.url.origin}`;
  const rawId = wire.redirect === 'opaque' ? null : headerOf(wire, 'x-request-id');
  const requestId = rawId === null ? undefined : serverText(rawId, secrets, 128);
  if (wire.redirect === 'opaque') {
    return new LiveRedirectError(
      `${what} was answered with a redirect (the runtime hides its status and Location); redirects are never followed: check the endpoint`,
      {
        status: 0,
        location: undefined,
        requestId,
        operation,
        attempts,
      },
    );
  }
  if (wire.redirect === 'followed') {
    const location = safeLocation(wire.url ?? null, request.url, secrets);
    return new LiveRedirectError(
      `${what} was redirected${location ? ` to ${location}` : ''} and the given fetch followed it although asked not to (redirect: 'manual'); the answer is not used: check the endpoint and the fetch`,
      {
        status: wire.status,
        location,
        requestId,
        operation,
        attempts,
      },
    );
  }
  if (wire.status >= 300 && wire.status < 400) {
    const location = safeLocation(headerOf(wire, 'location'), request.url, secrets);
    return new LiveRedirectError(
      `${what} was answered with a redirect, HTTP ${wire.status}${location ? ` to ${location}` : ' without a Location'}; redirects are never followed (credentials go to the endpoint only): check the endpoint`,
      {
        status: wire.status,
        location,
        requestId,
        operation,
        attempts,
      },
    );
  }
  if (wire.status < 200 || wire.status > 599) {
    const excerpt = serverText(
      new TextDecoder().decode(wire.body.subarray(0, 4 * KEEP_EXCERPT)),
      secrets,
      KEEP_EXCERPT,
    );
    return new LiveResponseError({
      status: wire.status,
      requestId,
      operation,
      attempts,
      excerpt,
      reason: `HTTP ${wire.status} is not a final status HTTP has (200-599)`,
      mutating: isMutating(request.method),
    });
  }
  return undefined;
}
