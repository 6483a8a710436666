import type { CredentialsState } from '../transport/credentials-gate.js';

// One task per domain with bounded concurrency; one failure does not stop the others unless
// fail-fast is asked for. After fail-fast or an interrupt (Ctrl-C) no new domain starts, the ones
// in flight finish, and the domains not started are reported as skipped.

export type OutcomeStatus = 'ok' | 'unchanged' | 'failed' | 'skipped';

/**
 * One domain's result. `J` is the JSON the command prints for it (each command declares its own),
 * so the command's text printer reads the fields it prints without a cast.
 */
export interface DomainOutcome<J extends object = object> {
  domain: string;
  status: OutcomeStatus;
  /** Process exit code this outcome stands for (0 when ok, unchanged or skipped). */
  exitCode: number;
  detail: string;
  /** Shown for every domain, fleets included (none when absent): expiring soon, checks skipped, chain reordered. */
  warnings?: string[];
  json: J;
}

/** The JSON of a domain that was not started (or left alone on purpose). */
export interface SkippedJson {
  domain: string;
  status: 'skipped';
  reason: string;
}

export interface FleetOptions<J extends object = object> {
  concurrency: number;
  failFast: boolean;
  /** Aborted: start no new domain. */
  interrupt?: AbortSignal | undefined;
  /**
   * Called as each domain finishes, in the order they finish, then for each domain not started
   * (skipped). The worker awaits it before taking its next domain: output that cannot keep up
   * (a full pipe) holds the fleet back instead of piling results up in memory. `started` is false
   * for the domains skipped because the run stopped (--fail-fast, Ctrl-C).
   */
  onFinish: (outcome: DomainOutcome<J | SkippedJson>, tally: FleetTally, started: boolean) => void | Promise<void>;
  /**
   * What the answers so far showed of the credentials. Given, domains go one at a time until an
   * answer accepted them, then fan out; once refused, no new domain starts (the gateway locks a
   * key after 5 refusals in a row, so a wide fleet must not send many).
   */
  credentials?: (() => CredentialsState) | undefined;
}

export const REFUSED_SKIP = 'not started: the credentials were refused';

/**
 * What a run keeps of its outcomes: counts, not the outcomes (memory stays flat in the number
 * of domains; each outcome is written out as it finishes and then dropped).
 */
export class FleetTally {
  readonly summary: FleetSummary = { total: 0, ok: 0, unchanged: 0, failed: 0, skipped: 0 };
  private readonly codes = new Set<number>();

  add(outcome: DomainOutcome): void {
    this.summary.total++;
    this.summary[outcome.status]++;
    this.codes.add(outcome.exitCode);
  }

  /** The exit code of the whole run: 0 when none failed, else the most telling failure. */
  get exitCode(): number {
    for (const code of [2, 3, 1, 4]) if (this.codes.has(code)) return code;
    return 0;
  }
}

export async function runFleet<J extends object>(
  domains: readonly string[],
  task: (domain: string) => Promise<DomainOutcome<J>>,
  options: FleetOptions<J>,
): Promise<FleetTally> {
  const tally = new FleetTally();
  let next = 0;
  let failedFast = false;
  const credentials = options.credentials ?? (() => 'accepted' as const);
  const refused = () => credentials() === 'refused';
  const stopped = () => failedFast || options.interrupt?.aborted === true || refused();
  const finish = (outcome: DomainOutcome<J | SkippedJson>, started: boolean) => {
    tally.add(outcome);
    return options.onFinish(outcome, tally, started);
  };
  async function runOne(): Promise<void> {
    const outcome = await task(domains[next++]!);
    if (outcome.status === 'failed' && options.failFast) failedFast = true;
    await finish(outcome, true);
  }
  async function worker(): Promise<void> {
    while (!stopped() && next < domains.length) await runOne();
  }
  // One domain at a time until an answer accepted the credentials (a domain that sent nothing,
  // or met only a network error, proves nothing), then the full width.
  while (!stopped() && next < domains.length && credentials() === 'unknown') await runOne();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, domains.length) }, worker));
  // Domains are taken in order: the ones from `next` on were never started.
  const why = refused()
    ? REFUSED_SKIP
    : options.interrupt?.aborted
      ? 'not started (interrupted)'
      : 'not started (--fail-fast)';
  for (let i = next; i < domains.length; i++) await finish(skippedOutcome(domains[i]!, why), false);
  return tally;
}

export interface FleetSummary {
  total: number;
  ok: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

export function summaryOf(outcomes: readonly DomainOutcome[]): FleetSummary {
  const tally = new FleetTally();
  for (const outcome of outcomes) tally.add(outcome);
  return tally.summary;
}

export function skippedOutcome(domain: string, why: string): DomainOutcome<SkippedJson> {
  return {
    domain,
    status: 'skipped',
    exitCode: 0,
    detail: why,
    warnings: [],
    json: { domain, status: 'skipped', reason: why },
  };
}
