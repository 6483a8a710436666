// Server text in what the operations library (live-https-cert/ops) returns: what a script gets
// back from status and read-compare-write holds no server escape sequence, like the certificate
// names beside it (the CLI cleans its output, but a script printing status.certName does not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeLiveClient } from '../../src/node/index.js';
import { domainStatus, readCompareWrite } from '../../src/ops/index.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const TOKEN = 'REVIEW-OPS-IAM-TOKEN-0123456789abcdef';
const FAKE = '\r\u001b[2K\u001b[32mOK\u001b[0m\u001b]0;owned\u0007\u009b31m';
let server: VerifyingServer;

beforeAll(async () => {
  server = await startVerifyingServer({
    tokens: [TOKEN],
    reply: (r) =>
      r.method === 'GET'
        ? {
            status: 200,
            body: {
              certificate_format: 'PEM',
              certificate_key: '',
              force_redirect: false,
              tls_certificate: { source: 'scm', cert_id: `scs1${FAKE}`, cert_name: `name${FAKE}` },
            },
          }
        : { status: 204 },
  });
});
afterAll(() => server.stop());

const client = () =>
  createNodeLiveClient({
    projectId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    endpoint: server.url,
    credentials: { token: TOKEN },
  });
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;

describe('server names and ids in library results', () => {
  it('domainStatus: certId and certName without controls', async () => {
    const s = await domainStatus({ client: client(), domain: 'play.example.com' });
    expect(s.source).toBe('scm');
    expect(s.certId).toMatch(/^scs1/);
    expect(s.certId).not.toMatch(CONTROLS);
    expect(s.certName).toMatch(/^name/);
    expect(s.certName).not.toMatch(CONTROLS);
  });

  it('readCompareWrite: the deployed cert_id in the result and its differences, without controls; still compared (updated)', async () => {
    const r = await readCompareWrite({
      client: client(),
      domain: 'play.example.com',
      body: { tls_certificate: { source: 'scm', cert_id: 'scs2' } },
    });
    expect(r.action).toBe('updated');
    expect(r.deployed?.certId).toMatch(/^scs1/);
    expect(JSON.stringify(r)).not.toMatch(/\\u00(1b|07|9b)|\\r/i);
    const d = r.differences.find((x) => x.field === 'cert_id');
    expect(String(d?.deployed)).not.toMatch(CONTROLS);
  });
});
