// One task per domain with bounded concurrency; one failure does not stop the others unless
// fail-fast is asked for. After fail-fast or an interrupt (Ctrl-C) no new domain starts, the ones
// in flight finish, and the domains not started are reported as skipped.

import type { CredentialsState } from '../transport/credentials-gate.js';

export type OutcomeStatus = 'ok' | 'unchanged' | 'failed' | 'skipped';

export interface DomainOutcome {
  domain: string;
  status: OutcomeStatus;
  /** Process exit code this outcome stands for (0 when ok, unchanged or skipped). */
  exitCode: number;
  detail: string;
  /** Shown for every domain, fleets included (none when absent): expiring soon, checks skipped, chain reordered. */
  warnings?: string[];
  json: Record<string, unknown>;
}

export interface FleetOptions {
  concurrency: number;
  failFast: boolean;
  /** Aborted: start no new domain. */
  interrupt?: AbortSignal | undefined;
  onProgress?: (done: number, failed: number, total: number) => void;
  /** Called as each domain finishes (for --report). */
  onFinish?: ((outcome: DomainOutcome) => void) | undefined;
  /**
   * What the answers so far showed of the credentials. Given, domains go one at a time until an
   * answer accepted them, then fan out; once refused, no new domain starts (the gateway locks a
   * key after 5 refusals in a row, so a wide fleet must not send many).
   */
  credentials?: (() => CredentialsState) | undefined;
}

export const REFUSED_SKIP = 'not started: the credentials were refused';

export function skippedOutcome(domain: string, why: string): DomainOutcome {
  return {
    domain,
    status: 'skipped',
    exitCode: 0,
    detail: why,
    warnings: [],
    json: { domain, status: 'skipped', reason: why },
  };
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
  let failedFast = false;
  const credentials = options.credentials ?? (() => 'accepted' as const);
  const refused = () => credentials() === 'refused';
  const stopped = () => failedFast || options.interrupt?.aborted === true || refused();
  async function runOne(): Promise<void> {
    const index = next++;
    const outcome = await task(domains[index]!);
    results[index] = outcome;
    done++;
    if (outcome.status === 'failed') {
      failed++;
      if (options.failFast) failedFast = true;
    }
    options.onFinish?.(outcome);
    options.onProgress?.(done, failed, domains.length);
  }
  async function worker(): Promise<void> {
    while (!stopped() && next < domains.length) await runOne();
  }
  // One domain at a time until an answer accepted the credentials (a domain that sent nothing,
  // or met only a network error, proves nothing), then the full width.
  while (!stopped() && next < domains.length && credentials() === 'unknown') await runOne();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, domains.length) }, worker));
  const why = refused()
    ? REFUSED_SKIP
    : options.interrupt?.aborted
      ? 'not started (interrupted)'
      : 'not started (--fail-fast)';
  // Array.from visits the holes that map would skip.
  return Array.from(results, (r, i) => r ?? skippedOutcome(domains[i]!, why));
}

/** The exit code of a whole run: 0 when none failed, else the most telling failure. */
export function fleetExitCode(outcomes: readonly DomainOutcome[]): number {
  const codes = new Set(outcomes.map((o) => o.exitCode));
  for (const code of [2, 3, 1, 4]) if (codes.has(code)) return code;
  return 0;
}

export interface FleetSummary {
  total: number;
  ok: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

export function summaryOf(outcomes: readonly DomainOutcome[]): FleetSummary {
  const count = (status: OutcomeStatus) => outcomes.filter((o) => o.status === status).length;
  return {
    total: outcomes.length,
    ok: count('ok'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    skipped: count('skipped'),
  };
}
