// 6. The bare ways to the wire on Node, no client around them: the same signed-size PUT through a
// keep-alive node:http Agent (our sender's base), undici.request with its Agent and with
// EnvHttpProxyAgent (no proxy set), and the global fetch. This is the measurement behind the
// proxy choice (https-proxy-agent on node:http rather than an undici.request sender).
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as UndiciAgent, type Dispatcher, EnvHttpProxyAgent, request as undiciRequest } from 'undici';
import { BODY } from './contenders.js';
import { measureInterleaved, type RateRow, startBenchServer } from './lib.js';

export type SenderRow = RateRow;

const HEADERS = {
  'content-type': 'application/json',
  'x-sdk-date': '20261128T000000Z',
  'x-project-id': '0123456789abcdef0123456789abcdef',
  authorization: `SDK-HMAC-SHA256 Access=BENCHACCESSKEY0000000, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=${'a'.repeat(64)}`,
};

export async function senders(options: {
  rounds: number;
  requests: number;
  concurrency: number;
}): Promise<SenderRow[]> {
  const server = await startBenchServer();
  const url = new URL(`${server.url}/v1/0123456789abcdef0123456789abcdef/guard/https-cert?domain=play.example.com`);
  const body = Buffer.from(JSON.stringify(BODY));
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const nodeHttp = () =>
    new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        {
          method: 'PUT',
          hostname: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          headers: { ...HEADERS, 'content-length': String(body.byteLength) },
          agent,
          signal: new AbortController().signal,
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', resolve);
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const viaUndici = (dispatcher: Dispatcher) => async () => {
    const res = await undiciRequest(url, {
      method: 'PUT',
      headers: HEADERS,
      body,
      dispatcher,
      signal: new AbortController().signal,
    });
    await res.body.arrayBuffer();
  };
  const undiciAgent = new UndiciAgent();
  const envAgent = new EnvHttpProxyAgent({ httpProxy: '', httpsProxy: '', noProxy: '' });
  const list = [
    { name: 'node:http keep-alive Agent', call: nodeHttp },
    { name: 'undici.request, Agent', call: viaUndici(undiciAgent) },
    { name: 'undici.request, EnvHttpProxyAgent', call: viaUndici(envAgent) },
    {
      name: 'global fetch',
      call: async () => void (await (await fetch(url, { method: 'PUT', headers: HEADERS, body })).arrayBuffer()),
    },
  ];
  try {
    return await measureInterleaved(list, options, 1000);
  } finally {
    agent.destroy();
    await undiciAgent.close();
    await envAgent.close();
    await server.stop();
  }
}
