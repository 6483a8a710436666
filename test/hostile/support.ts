// Shared parts of the hostile-server suite: every case runs on every sender, through the public
// client, against a real server on 127.0.0.1 that lies, redirects, echoes secrets or sends junk.
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, expect } from 'vitest';
import { createLiveClient, type LiveClient, type LiveClientOptions } from '../../src/index.js';
import { fetchSender } from '../../src/transport/sender.js';
import { MIN_FRAGMENT } from '../../src/internal/redact.js';

export interface SenderCase {
  name: 'fetch' | 'node:http' | 'caller fetch';
  options: () => Partial<LiveClientOptions>;
}

/**
 * fetch: the portable sender (browsers, Deno, edge); node:http: what createLiveClient picks on
 * Node by itself (no fetch, no sender given); caller fetch: a fetch the caller passes.
 */
export const SENDERS: SenderCase[] = [
  { name: 'fetch', options: () => ({ sender: fetchSender((input, init) => globalThis.fetch(input, init)) }) },
  { name: 'node:http', options: () => ({}) },
  { name: 'caller fetch', options: () => ({ fetch: (input, init) => globalThis.fetch(input, init) }) },
];

/** A token as long as a real IAM token (~3.6 kB), made at test time. */
export const longSecret = (bytes: number, prefix: string): string => prefix + randomBytes(bytes).toString('base64url');
export const IAM_TOKEN = longSecret(2700, 'MIIhostileIAMtoken'); // ~3.6 kB
export const SECURITY_TOKEN = longSecret(2175, 'gQpzHostileSecurityToken'); // ~2.9 kB
export const SECRET_KEY = longSecret(30, 'HostileSecretKey');
export const AKSK = { accessKey: 'HOSTILEAK0123456789', secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN };
export const CERT_BODY = {
  certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  certificate_key: 'k',
};

export function hostileClient(
  sender: SenderCase,
  endpoint: string,
  overrides: Partial<LiveClientOptions> = {},
): LiveClient {
  return createLiveClient({
    projectId: '0123456789abcdef0123456789abcdef',
    endpoint,
    credentials: AKSK,
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
    ...sender.options(),
    ...overrides,
  });
}

export async function failure(call: Promise<unknown>): Promise<Error> {
  const error = await call.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Every way an error gets shown: message, String, JSON, inspect (hidden fields too), causes. */
export function everyForm(error: unknown): string {
  const e = error as Error;
  return [
    e.message,
    String(e),
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
    String(e.cause ?? ''),
    JSON.stringify(e.cause ?? null),
    ...Object.values(e).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
  ].join('\n');
}

/** No piece of any secret as long as a redaction fragment (16 characters) survives anywhere. */
export function expectNoSecretIn(
  text: string,
  secrets: readonly string[] = [IAM_TOKEN, SECURITY_TOKEN, SECRET_KEY],
): void {
  for (const secret of secrets) {
    for (let i = 0; i + MIN_FRAGMENT <= secret.length; i += 4) {
      const piece = secret.slice(i, i + MIN_FRAGMENT);
      if (text.includes(piece))
        expect.unreachable(`a ${MIN_FRAGMENT}-character piece of a secret (offset ${i}) survived`);
    }
  }
}

/** The table of hostile cases and outcomes per sender, printed at the end of each file. */
const outcomes = new Map<string, Map<string, string>>();
export function record(hostileCase: string, sender: string, outcome: string): void {
  if (!outcomes.has(hostileCase)) outcomes.set(hostileCase, new Map());
  outcomes.get(hostileCase)!.set(sender, outcome);
}

export function printOutcomesAfterAll(title: string): void {
  afterAll(() => {
    const names = SENDERS.map((s) => s.name);
    const lines = [`| ${title} | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
    for (const [hostileCase, bySender] of outcomes)
      lines.push(`| ${hostileCase} | ${names.map((n) => bySender.get(n) ?? '-').join(' | ')} |`);
    console.log(lines.join('\n'));
  });
}

/** A short outcome: the error's class and its key fields. */
export function outcomeOf(error: unknown, extra = ''): string {
  const e = error as Error & { status?: number; attempts?: number; code?: string };
  const parts = [
    e.name,
    e.status !== undefined ? `${e.status}` : '',
    e.code ?? '',
    e.attempts !== undefined ? `${e.attempts} attempt(s)` : '',
    extra,
  ];
  return parts.filter(Boolean).join(', ');
}
