// show --json: the configuration as the API returned it, key fields left out at any depth, the
// other fields in the API's order (scripts diff this output between runs).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runInProcess } from '../support/run-cli.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

const AK = 'SHOWJSONAK';
const SK = 'show-json-secret-key-0123456789';
const ENV = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};
let server: VerifyingServer;

beforeAll(async () => {
  server = await startVerifyingServer({
    keys: { [AK]: SK },
    deployed: {
      'sm.example.com': {
        certificate_format: 'PEM',
        certificate: '',
        certificate_key: '',
        force_redirect: true,
        gm_certificate: {
          source: 'user',
          cert_name: 'sm-pair',
          sign_certificate: '',
          sign_certificate_key: '',
          enc_certificate: '',
          enc_certificate_key: '',
        },
      },
    },
  });
});
afterAll(async () => {
  await server.stop();
});

it('keeps every field but the keys, in the order the API gave them', async () => {
  const r = await runInProcess(['show', '--domain', 'sm.example.com', '--json', '--endpoint', server.url], ENV);
  expect(r.code).toBe(0);
  const [result] = JSON.parse(r.stdout).results;
  expect(JSON.stringify(result)).toBe(
    JSON.stringify({
      domain: 'sm.example.com',
      status: 'ok',
      data: {
        certificate_format: 'PEM',
        certificate: '',
        force_redirect: true,
        gm_certificate: { source: 'user', cert_name: 'sm-pair', sign_certificate: '', enc_certificate: '' },
      },
    }),
  );
});
