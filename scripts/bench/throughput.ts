// 1. Request throughput of the signed update: rounds of N requests, contenders in a new random
// order each round, after a warm-up; medians of requests/s and client CPU per request.
import { contenders } from './contenders.js';
import { median, runConcurrent, shuffle, startBenchServer } from './lib.js';

export interface ThroughputRow {
  name: string;
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
}

export async function throughput(options: { rounds: number; requests: number; concurrency: number }): Promise<ThroughputRow[]> {
  const server = await startBenchServer();
  try {
    const list = await contenders(server.url);
    for (const c of list) await runConcurrent(Math.min(500, options.requests), options.concurrency, c.call);
    const samples = new Map(list.map((c) => [c.name, { rps: [] as number[], cpu: [] as number[] }]));
    for (let round = 0; round < options.rounds; round++) {
      for (const c of shuffle(list)) {
        const before = process.cpuUsage();
        const ms = await runConcurrent(options.requests, options.concurrency, c.call);
        const used = process.cpuUsage(before);
        samples.get(c.name)!.rps.push((options.requests / ms) * 1000);
        samples.get(c.name)!.cpu.push((used.user + used.system) / options.requests);
      }
    }
    return list.map((c) => ({
      name: c.name,
      requestsPerSecond: Math.round(median(samples.get(c.name)!.rps)),
      cpuMicrosPerRequest: Math.round(median(samples.get(c.name)!.cpu)),
    }));
  } finally {
    await server.stop();
  }
}
