// 2. Signing throughput: our signer (its default, and Web Crypto forced as browsers run it)
// against the official AKSKSigner.sign, on the same Live request, interleaved.
import { createRequire } from 'node:module';
import { createAkSkSigner } from '../../src/auth/aksk-signer.js';
import { webCryptoHash } from '../../src/auth/hash.js';
import { AK, BODY, DOMAIN, PROJECT_ID, SK } from './contenders.js';
import { median, shuffle } from './lib.js';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: object, credential: object): Record<string, string> };
};

export interface SigningRow {
  name: string;
  signaturesPerSecond: number;
}

export async function signing(options: { rounds: number; count: number }): Promise<SigningRow[]> {
  const url = new URL(`https://live.cn-north-4.myhuaweicloud.com/v1/${PROJECT_ID}/guard/https-cert?domain=${DOMAIN}`);
  const bodyText = JSON.stringify(BODY);
  const body = new TextEncoder().encode(bodyText);
  const credentials = { accessKey: AK, secretKey: SK };
  const web = createAkSkSigner(credentials, webCryptoHash);
  const fallback = createAkSkSigner(credentials);
  const official = { getAk: () => AK, getSk: () => SK };
  const contenders: { name: string; run: () => Promise<unknown> | unknown }[] = [
    {
      name: 'ours (default: built-in crypto, portable)',
      run: () =>
        fallback(
          { method: 'PUT', url, headers: { 'content-type': 'application/json', 'x-project-id': PROJECT_ID }, body },
          new Date(),
        ),
    },
    {
      name: 'ours (Web Crypto forced, as in browsers)',
      run: () =>
        web(
          { method: 'PUT', url, headers: { 'content-type': 'application/json', 'x-project-id': PROJECT_ID }, body },
          new Date(),
        ),
    },
    {
      name: 'official AKSKSigner.sign',
      run: () =>
        AKSKSigner.sign(
          {
            method: 'PUT',
            endpoint: `https://live.cn-north-4.myhuaweicloud.com/v1/${PROJECT_ID}/guard/https-cert`,
            headers: { 'content-type': 'application/json', 'X-Project-Id': PROJECT_ID },
            queryParams: { domain: DOMAIN },
            data: BODY,
          },
          official,
        ),
    },
  ];
  const samples = new Map(contenders.map((c) => [c.name, [] as number[]]));
  for (const c of contenders) for (let i = 0; i < 500; i++) await c.run();
  for (let round = 0; round < options.rounds; round++) {
    for (const c of shuffle(contenders)) {
      const start = performance.now();
      for (let i = 0; i < options.count; i++) await c.run();
      samples.get(c.name)!.push((options.count / (performance.now() - start)) * 1000);
    }
  }
  return contenders.map((c) => ({ name: c.name, signaturesPerSecond: Math.round(median(samples.get(c.name)!)) }));
}
