// Hostile servers that redirect: no sender follows, nothing is sent twice, the error names the
// status and the Location (without user info), and no credential reaches the other server.
import { afterEach, describe, expect, it } from 'vitest';
import { LiveRedirectError } from '../../src/index.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import {
  CERT_BODY,
  everyForm,
  expectNoSecretIn,
  failure,
  hostileClient,
  IAM_TOKEN,
  outcomeOf,
  printOutcomesAfterAll,
  record,
  SENDERS,
} from './support.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
printOutcomesAfterAll('redirects');

describe.each(SENDERS)('redirects over $name', (sender) => {
  it.each([301, 302, 303, 307, 308])(
    '%i to another origin with user info: LiveRedirectError, the other origin sees nothing',
    async (status) => {
      const thief = await startFaultServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"certificate_format":"PEM"}'),
      );
      const host = new URL(thief.url).host;
      const endpoint = await startFaultServer((_req, res) =>
        res.writeHead(status, { location: `http://evil:hunter2-password@${host}/v1/x?from=redirect` }).end(),
      );
      servers.push(thief, endpoint);
      let last: Error | undefined;
      for (const call of [
        (c: ReturnType<typeof hostileClient>) => c.showDomainHttpsCert({ domain: 'a.example.com' }),
        (c: ReturnType<typeof hostileClient>) => c.updateDomainHttpsCert({ domain: 'a.example.com', body: CERT_BODY }),
        (c: ReturnType<typeof hostileClient>) => c.deleteDomainHttpsCert({ domain: 'a.example.com' }),
      ]) {
        const error = await failure(call(hostileClient(sender, endpoint.url)));
        expect(error).toBeInstanceOf(LiveRedirectError);
        expect(error).toMatchObject({ status, attempts: 1, location: `http://${host}/v1/x?from=redirect` });
        expect(error.message).toContain(`HTTP ${status}`);
        expect(error.message).toContain(`http://${host}/v1/x?from=redirect`);
        expect(everyForm(error)).not.toContain('hunter2');
        expectNoSecretIn(everyForm(error));
        last = error;
      }
      expect(endpoint.count).toBe(3);
      expect(thief.count).toBe(0);
      record(
        `${status} to another origin (show, update, delete)`,
        sender.name,
        outcomeOf(last, `other origin got ${thief.count} requests`),
      );
    },
  );

  it('a PUT answered by 303 Location: /other is not re-sent as a GET: one request, an error', async () => {
    const seen: string[] = [];
    const endpoint = await startFaultServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === '/other') res.writeHead(200).end();
      else res.writeHead(303, { location: '/other' }).end();
    });
    servers.push(endpoint);
    const error = await failure(
      hostileClient(sender, endpoint.url).updateDomainHttpsCert({ domain: 'a.example.com', body: CERT_BODY }),
    );
    expect(error).toBeInstanceOf(LiveRedirectError);
    expect(error).toMatchObject({ status: 303, location: `${endpoint.url}/other` });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^PUT \/v1\//);
    record('PUT answered by 303 Location: /other', sender.name, outcomeOf(error, 'sent once'));
  });

  it('a Location that echoes the token: redacted in the error', async () => {
    const endpoint = await startFaultServer((_req, res) =>
      res.writeHead(307, { location: `https://collector.invalid/steal?t=${IAM_TOKEN}` }).end(),
    );
    servers.push(endpoint);
    const error = await failure(
      hostileClient(sender, endpoint.url, { credentials: { token: IAM_TOKEN } }).showDomainHttpsCert({
        domain: 'a.example.com',
      }),
    );
    expect(error).toMatchObject({ name: 'LiveRedirectError', status: 307 });
    expect((error as LiveRedirectError).location).toContain('https://collector.invalid/steal?t=[REDACTED]');
    expectNoSecretIn(everyForm(error));
    record('307 whose Location echoes the token', sender.name, outcomeOf(error, 'Location redacted'));
  });

  it('a 503 then a 302: the redirect is the result, not retried', async () => {
    const endpoint = await startFaultServer((_req, res, index) =>
      index === 0 ? res.writeHead(503).end() : res.writeHead(302, { location: 'https://elsewhere.invalid/' }).end(),
    );
    servers.push(endpoint);
    const error = await failure(hostileClient(sender, endpoint.url).showDomainHttpsCert({ domain: 'a.example.com' }));
    expect(error).toMatchObject({
      name: 'LiveRedirectError',
      status: 302,
      attempts: 2,
      location: 'https://elsewhere.invalid/',
    });
    expect(endpoint.count).toBe(2);
    record('503 then 302 (redirect during retries)', sender.name, outcomeOf(error, 'no more attempts'));
  });
});

describe("a caller's fetch that follows redirects anyway", () => {
  it('is asked not to, and its followed answer is refused as LiveRedirectError', async () => {
    const other = await startFaultServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
    const endpoint = await startFaultServer((_req, res) =>
      res.writeHead(302, { location: `${other.url}/landed` }).end(),
    );
    servers.push(other, endpoint);
    const asked: (RequestRedirect | undefined)[] = [];
    const stubborn = (input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(init?.redirect);
      return globalThis.fetch(input, { ...init, redirect: 'follow' });
    };
    const error = await failure(
      hostileClient(SENDERS[2]!, endpoint.url, { fetch: stubborn }).showDomainHttpsCert({ domain: 'a.example.com' }),
    );
    expect(asked).toEqual(['manual']);
    expect(error).toBeInstanceOf(LiveRedirectError);
    expect(error.message).toContain(`${other.url}/landed`);
    record(
      "caller's fetch ignores redirect: 'manual' and follows",
      'caller fetch',
      outcomeOf(error, 'answer not used'),
    );
  });
});

describe("a runtime that hides redirects (a browser's redirect: 'manual')", () => {
  it('an opaque-redirect response is a LiveRedirectError with status 0, not a result', async () => {
    const endpoint = await startFaultServer((_req, res) => res.writeHead(204).end());
    servers.push(endpoint);
    // What a browser's fetch gives for redirect: 'manual': type "opaqueredirect", status 0, no headers.
    const browserLike = async (input: RequestInfo | URL, init?: RequestInit) => {
      const real = await globalThis.fetch(input, init);
      return Object.defineProperties(real, { type: { value: 'opaqueredirect' }, status: { value: 0 } });
    };
    const error = await failure(
      hostileClient(SENDERS[2]!, endpoint.url, { fetch: browserLike }).deleteDomainHttpsCert({
        domain: 'a.example.com',
      }),
    );
    expect(error).toBeInstanceOf(LiveRedirectError);
    expect(error).toMatchObject({ status: 0, location: undefined, attempts: 1 });
    expect(error.message).toMatch(/hides its status and Location/);
    expect(endpoint.count).toBe(1);
    record('opaque redirect (browser fetch)', 'caller fetch', outcomeOf(error));
  });
});
