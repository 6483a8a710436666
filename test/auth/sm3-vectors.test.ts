// SDK-HMAC-SM3 against vectors made once by Huawei's official Python signer (SM3Signer of
// huaweicloudsdkcore; scripts/sm3-vectors.py made test/auth/vectors/sm3.json), a SM3 request
// accepted by the verifying server, and a clear error where the runtime has no SM3.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAkSkSigner } from '../../src/auth/aksk-signer.js';
import { sm3Digest, Sm3UnavailableError } from '../../src/auth/hash.js';
import { ConfigurationError, createLiveClient } from '../../src/index.js';
import { startVerifyingServer, type VerifyingServer } from '../support/verifying-server.js';

interface Vector {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  date: string;
  body: string;
  authorization: string;
}
const file = JSON.parse(readFileSync(new URL('./vectors/sm3.json', import.meta.url), 'utf8')) as {
  accessKey: string;
  secretKey: string;
  vectors: Vector[];
};

const sdkDate = (text: string) =>
  new Date(
    `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}Z`,
  );

describe('SDK-HMAC-SM3 vectors from the official Python signer', () => {
  it('has the vectors the script wrote', () => {
    expect(file.vectors.length).toBeGreaterThanOrEqual(5);
  });

  it.each(file.vectors.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    const headers = { ...vector.headers };
    const signer = createAkSkSigner(
      { accessKey: file.accessKey, secretKey: file.secretKey },
      undefined,
      'SDK-HMAC-SM3',
    );
    await signer(
      {
        method: vector.method,
        url: new URL(vector.url),
        headers,
        body: vector.body ? new TextEncoder().encode(vector.body) : undefined,
      },
      sdkDate(vector.date),
    );
    expect(headers['x-sdk-date']).toBe(vector.date);
    expect(headers['authorization']).toBe(vector.authorization);
  });

  it('the empty-body digest is SM3 of nothing', () => {
    expect(sm3Digest().hashHex(new Uint8Array(0))).toBe(sm3Digest().emptyBodyHex);
  });
});

let server: VerifyingServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('SDK-HMAC-SM3 on the wire', () => {
  const AK = 'SM3WIRETESTAK';
  const SK = 'sm3-wire-test-secret-key-not-real';

  it('the verifying server accepts an SM3-signed update, show and delete', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = createLiveClient({
      projectId: '0123456789abcdef0123456789abcdef',
      endpoint: server.url,
      credentials: { accessKey: AK, secretKey: SK },
      signingAlgorithm: 'SDK-HMAC-SM3',
      retries: 0,
    });
    await live.updateDomainHttpsCert({
      domain: 'play.example.com',
      body: {
        certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
        certificate_key: 'k',
        force_redirect: true,
      },
    });
    await live.showDomainHttpsCert({ domain: 'play.example.com' });
    await live.deleteDomainHttpsCert({ domain: 'play.example.com' });
    expect(server.received.map((r) => [r.algorithm, r.verdict])).toEqual([
      ['SDK-HMAC-SM3', 'ok'],
      ['SDK-HMAC-SM3', 'ok'],
      ['SDK-HMAC-SM3', 'ok'],
    ]);
  });

  it('an SM3 signature made with the wrong key is refused (the server really checks SM3)', async () => {
    server = await startVerifyingServer({ keys: { [AK]: SK } });
    const live = createLiveClient({
      projectId: '0123456789abcdef0123456789abcdef',
      endpoint: server.url,
      credentials: { accessKey: AK, secretKey: `${SK}-wrong` },
      signingAlgorithm: 'SDK-HMAC-SM3',
      retries: 0,
    });
    await expect(live.showDomainHttpsCert({ domain: 'play.example.com' })).rejects.toMatchObject({
      status: 401,
      errorCode: 'APIGW.0301',
    });
    expect(server.received.map((r) => [r.algorithm, r.verdict])).toEqual([['SDK-HMAC-SM3', 'bad-signature']]);
  });
});

describe('where the runtime has no SM3 (browsers: Web Crypto has none)', () => {
  const runtime = globalThis.process as { getBuiltinModule?: unknown };
  const original = runtime.getBuiltinModule;
  afterEach(() => {
    runtime.getBuiltinModule = original;
  });

  it('sm3Digest throws a clear error, and the client refuses the option before sending', () => {
    runtime.getBuiltinModule = undefined;
    expect(() => sm3Digest()).toThrow(Sm3UnavailableError);
    expect(() => sm3Digest()).toThrow(/Web Crypto has no SM3/);
    const create = () =>
      createLiveClient({
        projectId: '0123456789abcdef0123456789abcdef',
        credentials: { accessKey: 'AK', secretKey: 'sk-value' },
        signingAlgorithm: 'SDK-HMAC-SM3',
      });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(expect.objectContaining({ option: 'signingAlgorithm' }));
  });

  it('an unknown algorithm is refused', () => {
    expect(() =>
      createLiveClient({
        projectId: '0123456789abcdef0123456789abcdef',
        credentials: { accessKey: 'AK', secretKey: 'sk-value' },
        signingAlgorithm: 'SDK-HMAC-MD5' as never,
      }),
    ).toThrow(expect.objectContaining({ option: 'signingAlgorithm' }));
  });
});
