// verify: what the domain really serves. A TLS handshake with SNI = the domain as A-labels (to
// the domain, or to an edge/test address), then the served leaf's SHA-256 fingerprint against the
// expected one.
// Trust is not judged here (the fingerprint says which certificate it is), so the handshake
// accepts any chain; nothing but the handshake is sent.
import { connect } from 'node:tls';
import type { CertificateSummary } from '../check/certificate-summary.js';
import { normalizeDomain } from '../check/domain-names.js';
import { ParsedChain } from '../check/x509-chain.js';
import { readX509 } from '../check/x509-read.js';
import { cut, stripControls } from '../internal/server-text.js';

export interface ServedOptions {
  /** The name sent as SNI and checked for coverage (an IDN is sent as A-labels: `xn--...`). */
  domain: string;
  /** Where to connect; the domain itself, port 443, by default. */
  host?: string;
  port?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: Date;
}

/** No TLS handshake completed (refused, reset, stalled, aborted): nothing was served at all. */
export class NoHandshakeError extends Error {
  override name = 'NoHandshakeError';
}

/** The leaf certificate a TLS server presents for the domain. */
export function servedCertificate(options: ServedOptions): Promise<CertificateSummary> {
  const { domain } = options;
  // SNI carries an ASCII host name (RFC 6066): an IDN goes as A-labels, never as raw UTF-8.
  const servername = normalizeDomain(domain);
  const host = options.host ?? servername;
  const port = options.port ?? 443;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new NoHandshakeError('aborted'));
    const socket = connect({ host, port, servername, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    const done = (error: Error | undefined, value?: CertificateSummary) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(value!);
    };
    const onAbort = () => done(new NoHandshakeError('aborted'));
    const timer = setTimeout(
      () => done(new NoHandshakeError(`no TLS handshake with ${host}:${port} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(false);
      if (!peer?.raw) return done(new Error(`${host}:${port} presented no certificate`));
      try {
        const served = ParsedChain.fromCertificates([readX509(peer.raw)]);
        done(undefined, served.summary({ domain, ...(options.now ? { now: options.now } : {}) })!);
      } catch {
        done(new Error(`${host}:${port} presented a certificate that cannot be read`));
      }
    });
    // The server's words are not repeated raw: the error text may carry its alert or junk.
    socket.once('error', (error) =>
      done(
        new NoHandshakeError(
          `TLS to ${host}:${port} (SNI ${servername}) failed: ${cut(stripControls(error.message), 300)}`,
        ),
      ),
    );
  });
}

export interface VerifyOptions extends ServedOptions {
  /** The SHA-256 fingerprint the domain should serve (colons and case do not matter). */
  expectedFingerprint: string;
  /** Keep trying until it matches or this many ms have passed (deployment takes time). 0: once. */
  waitMs?: number;
  /** Pause between tries. Default 5 s (less when waitMs is shorter). */
  intervalMs?: number;
}

export interface VerifyResult {
  domain: string;
  matched: boolean;
  expectedFingerprint: string;
  /** What was served at the last try (absent when no handshake succeeded). */
  served?: CertificateSummary;
  /** Why the last try failed to connect, if it did. */
  error?: string;
  /** Whether a TLS handshake completed at the last try (false: nothing was served at all). */
  handshake: boolean;
  attempts: number;
  /** Where it connected. */
  address: string;
}

const canonicalFingerprint = (text: string) => text.replace(/[^0-9a-f]/gi, '').toUpperCase();

/** Whether two SHA-256 fingerprints are the same, whatever their colons and case. */
export function sameFingerprint(a: string, b: string): boolean {
  return canonicalFingerprint(a) === canonicalFingerprint(b) && canonicalFingerprint(a).length === 64;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Connects (again, until `waitMs` runs out) until the served leaf is the expected one. */
export async function verifyServed(options: VerifyOptions): Promise<VerifyResult> {
  const started = Date.now();
  const waitMs = options.waitMs ?? 0;
  const interval = options.intervalMs ?? Math.min(5000, Math.max(200, waitMs / 10));
  const address = `${options.host ?? normalizeDomain(options.domain)}:${options.port ?? 443}`;
  let attempts = 0;
  for (;;) {
    attempts++;
    let result: VerifyResult;
    try {
      const served = await servedCertificate(options);
      result = {
        domain: options.domain,
        matched: sameFingerprint(served.fingerprint256, options.expectedFingerprint),
        expectedFingerprint: options.expectedFingerprint,
        served,
        handshake: true,
        attempts,
        address,
      };
    } catch (error) {
      const handshake = !(error instanceof NoHandshakeError);
      result = {
        domain: options.domain,
        matched: false,
        expectedFingerprint: options.expectedFingerprint,
        error: (error as Error).message,
        handshake,
        attempts,
        address,
      };
    }
    if (result.matched || options.signal?.aborted || Date.now() - started + interval > waitMs) return result;
    await sleep(interval, options.signal);
  }
}
