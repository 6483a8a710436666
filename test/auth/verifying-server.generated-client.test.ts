// The openapi-generator client, with the transport as its fetchApi, passes the verifying server.
import { afterEach, describe, expect, it } from 'vitest';
import { Configuration, HTTPSCertificateManagementApi } from '../../generated/typescript-fetch/index.js';
import { createLiveClient } from '../../src/index.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'VERIFYTESTAK';
const SK = 'verify-test-secret-key-not-real';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';

let server: VerifyingServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function client(url: string) {
  return createLiveClient({
    projectId: PROJECT_ID,
    endpoint: url,
    credentials: { accessKey: AK, secretKey: SK },
    retries: 0,
  });
}

describe('the verifying server accepts the generated client', () => {
  it('generated client with the transport as fetchApi: all three verify', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = client(server.url);
    const api = new HTTPSCertificateManagementApi(new Configuration({ basePath: live.baseUrl, fetchApi: live.fetch }));
    await api.updateDomainHttpsCert({
      projectId: PROJECT_ID,
      domain: 'play.example.com',
      domainHttpsCertInfo: { certificate: 'c', certificateKey: 'k' },
    });
    await api.showDomainHttpsCert({ projectId: PROJECT_ID, domain: 'play.example.com' });
    await api.deleteDomainHttpsCert({ projectId: PROJECT_ID, domain: 'play.example.com' });
    expect(server.received.map((r) => r.verdict)).toEqual(['ok', 'ok', 'ok']);
  });
});
