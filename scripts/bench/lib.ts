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
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url)), String(delayMs)], {
    // Its stdin is our pipe: when this process goes, so does the server.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (chunk: Buffer) => {
      const url = /listening (\S+)/.exec(chunk.toString())?.[1];
      if (!url) return reject(new Error(`bench server said: ${chunk}`));
      resolve({
        url,
        stop: () => new Promise<void>((done) => {
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
