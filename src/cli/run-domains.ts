// Runs one command over its domains: fleet concurrency, progress, and the final report.
import type { ParsedValues } from './args.js';
import { type DomainOutcome, fleetExitCode, runFleet } from './fleet.js';
import type { CliIo } from './io.js';
import { outcomeTable } from './output.js';
import { concurrencyFrom } from './settings.js';

export async function runOverDomains(
  domains: string[],
  values: ParsedValues,
  io: CliIo,
  task: (domain: string) => Promise<DomainOutcome>,
  single: (outcome: DomainOutcome) => void,
): Promise<number> {
  const json = values['json'] === true;
  const fleet = domains.length > 1;
  const progress = fleet && io.stderrIsTTY && !json;
  const outcomes = await runFleet(domains, task, {
    concurrency: concurrencyFrom(values),
    failFast: values['fail-fast'] === true,
    ...(progress ? { onProgress: (done: number, failed: number, total: number) => io.stderr(`\r[${done}/${total}] ${done - failed} ok, ${failed} failed`) } : {}),
  });
  if (progress) io.stderr('\n');
  if (!fleet) single(outcomes[0]!);
  else if (json) io.stdout(`${JSON.stringify(outcomes.map((o) => o.json), null, 2)}\n`);
  else io.stdout(outcomeTable(outcomes));
  return fleetExitCode(outcomes);
}
