// Pacing to the gateway's limit (150 calls a minute per user): at most requestsPerMinute / 6 + 1
// request starts in any 10-second window, for the library on every sender and for a CLI fleet;
// throttled answers (429, APIG.0308) wait Retry-After or 2-5 s and halve the pace for 60 s.
// The clock is scaled (10x) so a minute of pacing takes seconds; the server stamps each request
// with the same scaled clock, so what is measured is what reached the wire.
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLiveClient, type LiveClientOptions, type Timers } from '../../src/index.js';
import { realTimers } from '../../src/transport/pacer.js';
import { makeCert, newPki, type Pki } from '../support/certs.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { runInProcess } from '../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'PACINGTESTAK';
const SK = 'pacing-test-secret-key';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const SHOW = { certificate_format: 'PEM', certificate: '', certificate_key: '', force_redirect: false };

let server: VerifyingServer | FaultServer | undefined;
let pki: Pki;
beforeAll(() => {
  pki = newPki();
  makeCert(pki, { name: 'wild', domains: ['*.example.com'], days: 90 });
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Time running `factor` times faster than the real clock. */
function scaledTimers(factor: number): Timers {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * factor,
    sleep: (ms, signal) => realTimers.sleep(ms / factor, signal),
  };
}

/** The most starts in any half-open window [t, t + windowMs). */
function busiestWindow(times: readonly number[], windowMs = 10_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - windowMs + 1) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('pacing (library)', () => {
  it.each<[string, Partial<LiveClientOptions>]>([
    ['node:http', {}],
    ['a caller fetch', { fetch: (input, init) => fetch(input, init) }],
  ])('60 concurrent calls at 120 a minute (%s): at most 21 start in any 10 s', async (_name, sender) => {
    const timers = scaledTimers(10);
    const stamps: number[] = [];
    const verifying = await startVerifyingServer({
      keys: { [AK]: SK },
      reply: () => {
        stamps.push(timers.now());
        return { status: 200, body: SHOW };
      },
    });
    server = verifying;
    const live = createLiveClient({
      projectId: PROJECT_ID,
      endpoint: verifying.url,
      credentials: { accessKey: AK, secretKey: SK },
      requestsPerMinute: 120,
      timers,
      ...sender,
    });
    // A first call opens the connection (its set-up would only delay that one request's arrival).
    await live.showDomainHttpsCert({ domain: 'warm.example.com' });
    stamps.length = 0;
    await Promise.all(Array.from({ length: 60 }, (_, i) => live.showDomainHttpsCert({ domain: `d${i}.example.com` })));
    expect(stamps).toHaveLength(60);
    expect(busiestWindow(stamps)).toBeLessThanOrEqual(21);
    // And no slower than the pace needs: 59 gaps of 500 ms.
    const span = Math.max(...stamps) - Math.min(...stamps);
    expect(span).toBeGreaterThanOrEqual(59 * 500 - 1000);
    expect(live.pace.started).toBe(61);
  });

  it('requestsPerMinute must be a number from 0', () => {
    expect(() =>
      createLiveClient({ projectId: PROJECT_ID, credentials: { accessKey: AK, secretKey: SK }, requestsPerMinute: -1 }),
    ).toThrow(/requestsPerMinute must be a number from 0/);
  });
});

/** Timers that record every wait and let virtual time jump (for one call at a time). */
function recordingTimers() {
  let now = 1_000_000;
  const waits: number[] = [];
  const timers: Timers = {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
  return { timers, waits, advance: (ms: number) => (now += ms) };
}

describe('throttled answers', () => {
  const throttledThenOk = (first: { status: number; headers?: Record<string, string>; code?: string }) =>
    startFaultServer((_req, res, index) => {
      if (index === 0) {
        res.writeHead(first.status, { 'content-type': 'application/json', ...first.headers });
        res.end(
          JSON.stringify({
            error_code: first.code ?? 'APIG.0308',
            error_msg: 'The throttling threshold has been reached',
          }),
        );
      } else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(SHOW));
    });

  it.each([
    ['429 APIG.0308', { status: 429 }],
    ['429 without a code', { status: 429, code: 'X' }],
    ['403 APIGW.0308', { status: 403, code: 'APIGW.0308' }],
  ])('%s without Retry-After: retried after 2-5 s, then the pace is halved for 60 s', async (_what, first) => {
    const fault = await throttledThenOk(first);
    server = fault;
    const { timers, waits, advance } = recordingTimers();
    const live = createLiveClient({
      projectId: PROJECT_ID,
      endpoint: fault.url,
      credentials: { accessKey: AK, secretKey: SK },
      requestsPerMinute: 120,
      timers,
    });
    await live.showDomainHttpsCert({ domain: 'a.example.com' });
    expect(fault.count).toBe(2);
    const retryWait = waits.find((w) => w >= 2000);
    expect(retryWait).toBeGreaterThanOrEqual(2000);
    expect(retryWait).toBeLessThanOrEqual(5000);
    expect(live.pace.intervalMs).toBe(1000);
    advance(60_001);
    expect(live.pace.intervalMs).toBe(500);
  });

  it('Retry-After is waited as given', async () => {
    const fault = await throttledThenOk({ status: 429, headers: { 'retry-after': '7' } });
    server = fault;
    const { timers, waits } = recordingTimers();
    const live = createLiveClient({
      projectId: PROJECT_ID,
      endpoint: fault.url,
      credentials: { accessKey: AK, secretKey: SK },
      requestsPerMinute: 120,
      timers,
    });
    await live.showDomainHttpsCert({ domain: 'a.example.com' });
    expect(waits).toContain(7000);
  });
});

describe('pacing (CLI fleet)', () => {
  it('a fleet of 30 with the right credentials at --requests-per-minute 120: never more than 21 starts in 10 s, and it succeeds', async () => {
    const timers = scaledTimers(10);
    const stamps: number[] = [];
    const verifying = await startVerifyingServer({ keys: { [AK]: SK }, deployed: {} });
    server = verifying;
    const file = pki.path('pacing-domains.txt');
    writeFileSync(file, `${Array.from({ length: 30 }, (_, i) => `d${i}.example.com`).join('\n')}\n`);
    // Each request stamped (scaled time) as it arrives.
    const watch = setInterval(() => {
      while (stamps.length < verifying.received.length) stamps.push(timers.now());
    }, 1);
    const r = await runInProcess(
      [
        'update',
        '--domains-file',
        file,
        '--cert',
        pki.path('wild.crt'),
        '--key',
        pki.path('wild.key'),
        '--concurrency',
        '8',
        '--requests-per-minute',
        '120',
        '--endpoint',
        verifying.url,
        '--project-id',
        PROJECT_ID,
        '--json',
      ],
      { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
      { io: { timers } },
    );
    clearInterval(watch);
    expect(r.code, r.stderr).toBe(0);
    // Read and write per domain: 60 requests, all verified.
    expect(verifying.received).toHaveLength(60);
    expect(verifying.received.every((x) => x.verdict === 'ok')).toBe(true);
    expect(busiestWindow(stamps)).toBeLessThanOrEqual(21);
  });
});
