// 1. Request throughput of the signed update: rounds of N requests, contenders in a new random
// order each round, after a warm-up; medians of requests/s and client CPU per request.
import { contenders } from './contenders.js';
import { measureInterleaved, type RateRow, startBenchServer } from './lib.js';

export type ThroughputRow = RateRow;

export async function throughput(options: {
  rounds: number;
  requests: number;
  concurrency: number;
}): Promise<ThroughputRow[]> {
  const server = await startBenchServer();
  try {
    const list = await contenders(server.url);
    return await measureInterleaved(list, options, 500);
  } finally {
    await server.stop();
  }
}
