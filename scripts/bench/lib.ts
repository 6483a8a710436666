// Small helpers shared by the benchmark parts.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

export function startBenchServer(delayMs = 0): Promise<BenchServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [fileURLToPath(new URL('./server.mjs', import.meta.url)), String(delayMs)],
    {
      // Its stdin is our pipe: when this process goes, so does the server.
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (chunk: Buffer) => {
      const url = /listening (\S+)/.exec(chunk.toString())?.[1];
      if (!url) return reject(new Error(`bench server said: ${chunk}`));
      resolve({
        url,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Runs `count` calls of `call`, `concurrency` at a time; returns the wall time in ms. */
export async function runConcurrent(count: number, concurrency: number, call: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        await call();
      }
    }),
  );
  return performance.now() - start;
}

export interface Contender {
  name: string;
  call: () => Promise<unknown>;
}

export interface RateRow {
  name: string;
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
}

/**
 * After a warm-up of `warmup` calls each, rounds of `requests` calls per contender, in a new
 * random order every round; medians of requests/s and client CPU per request.
 */
export async function measureInterleaved(
  list: Contender[],
  options: { rounds: number; requests: number; concurrency: number },
  warmup: number,
): Promise<RateRow[]> {
  for (const c of list) await runConcurrent(Math.min(warmup, options.requests), options.concurrency, c.call);
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
}
