// One task per domain with bounded concurrency; one failure does not stop the others unless
// fail-fast is asked for, in which case domains not yet started are reported as skipped.

export interface DomainOutcome {
  domain: string;
  status: 'ok' | 'failed' | 'skipped';
  /** Process exit code this outcome stands for (0 when ok). */
  exitCode: number;
  detail: string;
  json: Record<string, unknown>;
}

export interface FleetOptions {
  concurrency: number;
  failFast: boolean;
  onProgress?: (done: number, failed: number, total: number) => void;
}

export async function runFleet(
  domains: readonly string[],
  task: (domain: string) => Promise<DomainOutcome>,
  options: FleetOptions,
): Promise<DomainOutcome[]> {
  const results: (DomainOutcome | undefined)[] = new Array(domains.length);
  let next = 0;
  let done = 0;
  let failed = 0;
  let stop = false;
  async function worker(): Promise<void> {
    while (!stop && next < domains.length) {
      const index = next++;
      const outcome = await task(domains[index]!);
      results[index] = outcome;
      done++;
      if (outcome.status !== 'ok') {
        failed++;
        if (options.failFast) stop = true;
      }
      options.onProgress?.(done, failed, domains.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, domains.length) }, worker));
  // Array.from visits the holes that map would skip.
  return Array.from(results,
    (r, i) => r ?? { domain: domains[i]!, status: 'skipped', exitCode: 0, detail: 'not started (--fail-fast)', json: { domain: domains[i], status: 'skipped' } },
  );
}

/** The exit code of a whole run: 0 when all succeeded, else the most telling failure. */
export function fleetExitCode(outcomes: readonly DomainOutcome[]): number {
  const codes = new Set(outcomes.map((o) => o.exitCode));
  for (const code of [2, 3, 1]) if (codes.has(code)) return code;
  return 0;
}
