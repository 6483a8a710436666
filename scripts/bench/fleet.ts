// 5. Fleet: N domains against a server that answers after 50 ms, concurrency 16, through the
// same fleet runner and Node client the CLI uses. Wall time against the ideal N / 16 x 50 ms,
// and memory sampled as it runs.
import { runFleet } from '../../src/cli/fleet.js';
import { createNodeLiveClient } from '../../src/node/index.js';
import { AK, BODY, PROJECT_ID, SK } from './contenders.js';
import { startBenchServer } from './lib.js';

export interface FleetResult {
  domains: number;
  concurrency: number;
  delayMs: number;
  wallMs: number;
  idealMs: number;
  ratio: number;
  rssStartMB: number;
  rssPeakMB: number;
  heapAfterMB: number;
  failed: number;
}

export async function fleet(options: { domains: number; concurrency: number; delayMs: number }): Promise<FleetResult> {
  const server = await startBenchServer(options.delayMs);
  try {
    const client = createNodeLiveClient({
      projectId: PROJECT_ID,
      endpoint: server.url,
      credentials: { accessKey: AK, secretKey: SK },
    });
    const domains = Array.from({ length: options.domains }, (_, i) => `d${i}.example.com`);
    // Warm the connections and the code paths first.
    await runFleet(
      domains.slice(0, options.concurrency),
      async (domain) => {
        await client.updateDomainHttpsCert({ domain, body: BODY });
        return { domain, status: 'ok', exitCode: 0, detail: '', json: {} };
      },
      { concurrency: options.concurrency, failFast: false, onFinish: () => {} },
    );
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    const rssStart = process.memoryUsage().rss;
    let rssPeak = rssStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const tally = await runFleet(
      domains,
      async (domain) => {
        try {
          await client.updateDomainHttpsCert({ domain, body: BODY });
          return { domain, status: 'ok', exitCode: 0, detail: '', json: {} };
        } catch (error) {
          return { domain, status: 'failed', exitCode: 1, detail: String(error), json: {} };
        }
      },
      { concurrency: options.concurrency, failFast: false, onFinish: () => {} },
    );
    const wallMs = performance.now() - start;
    clearInterval(sampler);
    const idealMs = (options.domains / options.concurrency) * options.delayMs;
    return {
      ...options,
      wallMs: Math.round(wallMs),
      idealMs: Math.round(idealMs),
      ratio: Math.round((wallMs / idealMs) * 100) / 100,
      rssStartMB: mb(rssStart),
      rssPeakMB: mb(rssPeak),
      heapAfterMB: mb(process.memoryUsage().heapUsed),
      failed: tally.summary.total - tally.summary.ok,
    };
  } finally {
    await server.stop();
  }
}
