// The main job on the embedded mock: start Prism on the spec, push a certificate, read it back,
// delete it, show how an API error looks, stop Prism. No cloud account needed.
import { createLiveClient, LiveApiError } from '../src/index.js';
import { startPrism } from './lib/prism.js';

const DOMAIN = 'play.example.com';
// Placeholders: Prism checks the request against the spec, not the certificate. (No private-key
// armour in committed files, not even around a fake.)
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIB(demo)\n-----END CERTIFICATE-----';
const PRIVATE_KEY = 'demo private key placeholder';

const prism = await startPrism();
console.log(`Prism is mocking spec/live-https-cert.yaml at ${prism.url}`);
try {
  const client = createLiveClient({
    projectId: '0123456789abcdef0123456789abcdef',
    endpoint: prism.url,
    // Demo keys: the signature is computed for real; Prism only checks that the headers are there.
    credentials: { accessKey: 'DEMOACCESSKEY', secretKey: 'demo-secret-key-never-printed' },
  });

  const updated = await client.updateDomainHttpsCert({
    domain: DOMAIN,
    body: { certificate_format: 'PEM', certificate: CERTIFICATE, certificate_key: PRIVATE_KEY, force_redirect: true },
  });
  console.log(`1. update ${DOMAIN}: ok (request id ${updated.requestId})`);

  const shown = await client.showDomainHttpsCert({ domain: DOMAIN });
  console.log(
    `2. show   ${DOMAIN}: format ${shown.certificate_format}, force_redirect ${shown.force_redirect}, ` +
      `certificate ${shown.certificate?.length ?? 0} chars, key ${shown.certificate_key ? 'returned' : 'not returned'}`,
  );

  const deleted = await client.deleteDomainHttpsCert({ domain: DOMAIN });
  console.log(`3. delete ${DOMAIN}: ok (request id ${deleted.requestId})`);

  // Prism answers with the spec's 404 example when asked to.
  const notFound = createLiveClient({
    projectId: '0123456789abcdef0123456789abcdef',
    endpoint: prism.url,
    credentials: { accessKey: 'DEMOACCESSKEY', secretKey: 'demo-secret-key-never-printed' },
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), prefer: 'code=404' } }),
  });
  try {
    await notFound.showDomainHttpsCert({ domain: 'missing.example.com' });
  } catch (error) {
    if (!(error instanceof LiveApiError)) throw error;
    console.log(
      `4. show   missing.example.com: ${error.name} ${error.status} ${error.errorCode} "${error.errorMsg}" (request id ${error.requestId})`,
    );
  }
  console.log('Demo finished: update -> show -> delete worked against the mock.');
} finally {
  await prism.stop();
}
