// Runs one command over its domains: fleet concurrency, Ctrl-C, --report, progress, and the
// final report (one JSON document of the same shape for every command, or text).
import { closeSync, constants, lstatSync, openSync, writeSync } from 'node:fs';
import type { FleetFlags } from './args.js';
import { EXIT, UsageError } from './exit-codes.js';
import { type DomainOutcome, runFleet, type SkippedJson } from './fleet.js';
import { jsonWriter, type OutcomeWriter, tableWriter } from './fleet-output.js';
import type { CliIo } from './io.js';
import type { CredentialsState } from '../transport/credentials-gate.js';
import { differencesText, type PrintedJson, requestText, sanitizeJson } from './output.js';
import { concurrencyFrom } from './settings.js';
import { redact } from '../internal/redact.js';
import { thrownField } from './thrown.js';

/** A run of one command; `J` is the JSON the command declares for a domain's result. */
export interface DomainRun<J extends PrintedJson> {
  domains: string[];
  values: FleetFlags;
  io: CliIo;
  secrets: readonly string[];
  task: (domain: string) => Promise<DomainOutcome<J>>;
  /** The text of one domain that succeeded, when only one was asked for. */
  single: (outcome: DomainOutcome<J | SkippedJson>) => string;
  /** What the client's answers showed of the credentials: the fleet starts one domain alone, and stops when refused. */
  credentials?: (() => CredentialsState) | undefined;
  /** Print an attention outcome (exit 4) with `single` on stdout: it is a report (status, verify), not an error. */
  attentionIsReport?: boolean;
}

/** Appends one JSON line per finished domain; each line is written before the next domain finishes. */
function reportWriter(
  path: string | undefined,
  secrets: readonly string[],
  warn: (text: string) => void,
): { write: (outcome: DomainOutcome) => void; close: () => void } | undefined {
  if (path === undefined) return undefined;
  // A symbolic link at the report's path was put there by someone: appending through it would
  // write where it points (another user's file, a system file). Refused, before anything is sent;
  // O_NOFOLLOW closes the gap between this look and the open.
  let fd: number;
  try {
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new UsageError(
        `--report ${path}: is a symbolic link; give the report file itself (a link would write where it points)`,
      );
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = thrownField(error, 'code');
    if (code === 'ELOOP') throw new UsageError(`--report ${path}: is a symbolic link; give the report file itself`);
    throw new UsageError(`--report ${path}: ${code ?? thrownField(error, 'message')}`);
  }
  // A write that fails mid-run (disk full, file removed) must not abort the fleet: changes are
  // being applied, and the final report is then the only record. Said once, loudly.
  let broken = false;
  const write = (outcome: DomainOutcome) => {
    if (broken) return;
    const line = sanitizeJson(
      {
        ...outcome.json,
        ...(outcome.warnings?.length ? { warnings: outcome.warnings } : {}),
        finishedAt: new Date().toISOString(),
      },
      secrets,
    );
    try {
      writeSync(fd, `${JSON.stringify(line)}\n`);
    } catch (error) {
      broken = true;
      warn(
        `warning: --report ${path}: ${thrownField(error, 'code') ?? thrownField(error, 'message')}; from ${outcome.domain} on, finished domains are not in it (the report below has them all)\n`,
      );
    }
  };
  return { write, close: () => closeSync(fd) };
}

export async function runOverDomains<J extends PrintedJson>({
  domains,
  values,
  io,
  secrets,
  task,
  single,
  attentionIsReport,
  credentials,
}: DomainRun<J>): Promise<number> {
  const json = values['json'] === true;
  // No domain at all (a project with none, for --covered) is an empty table, not a missing one.
  const fleet = domains.length !== 1;
  const progress = fleet && io.stderrIsTTY && !json;
  const report = reportWriter(values.report, secrets, io.stderr);
  // The text goes through the same redaction as the JSON: an error can hold what the caller gave
  // (an id that is a secret, pasted in the wrong place) and a server's answer what it echoed.
  const shown: CliIo = {
    ...io,
    stdout: (text) => io.stdout(redact(text, secrets)),
    stderr: (text) => io.stderr(redact(text, secrets)),
  };
  // One domain as text waits for its end: an interrupt turns it into a table row.
  let one: DomainOutcome<J | SkippedJson> | undefined;
  const writer: OutcomeWriter<J | SkippedJson> = json
    ? jsonWriter(io.stdout, secrets)
    : fleet
      ? tableWriter(shown.stdout, domains)
      : {
          outcome: (outcome) => (one = outcome),
          end: (tally, interrupted) => {
            if (!interrupted) return printOne(one!, shown, single, attentionIsReport === true);
            const table = tableWriter(shown.stdout, domains);
            table.outcome(one!);
            table.end(tally, interrupted);
          },
        };
  const tally = await runFleet(domains, task, {
    concurrency: concurrencyFrom(values),
    failFast: values['fail-fast'] === true,
    interrupt: io.interrupt,
    credentials,
    onFinish: async (outcome, soFar, started) => {
      if (started) report?.write(outcome);
      // The progress line (stderr) is cleared before a row and drawn again after it: on a
      // terminal both land on the same screen.
      if (progress) (io.progress ?? io.stderr)('\r\x1b[K');
      writer.outcome(outcome);
      if (progress) {
        const { total, failed } = soFar.summary;
        (io.progress ?? io.stderr)(`\r[${total}/${domains.length}] ${total - failed} ok, ${failed} failed`);
      }
      await io.stdoutDrained?.();
    },
  }).finally(() => report?.close());
  if (progress) io.stderr('\n');
  const interrupted = io.interrupt?.aborted === true;
  writer.end(tally, interrupted);
  return interrupted ? EXIT.interrupted : tally.exitCode;
}

function printOne<J extends PrintedJson>(
  outcome: DomainOutcome<J>,
  io: CliIo,
  single: (outcome: DomainOutcome<J>) => string,
  attentionIsReport: boolean,
): void {
  for (const warning of outcome.warnings ?? []) io.stderr(`warning: ${outcome.domain}: ${warning}\n`);
  const request = outcome.json.request;
  // --via-ccm --dry-run: the import the run would make once, before the domain's binding.
  const ccmImport = outcome.json.ccm?.request;
  if (ccmImport && request)
    io.stdout(
      `Dry run: this CCM import would be sent once for the run (private key and certificate text redacted):\n\n${requestText(ccmImport)}\n`,
    );
  if (outcome.exitCode === EXIT.attention && attentionIsReport) io.stdout(single(outcome));
  else if (outcome.status === 'failed') io.stderr(`error: ${outcome.domain}: ${outcome.detail}\n`);
  else if (outcome.status === 'skipped') io.stdout(`${outcome.domain}: skipped (${outcome.detail})\n`);
  else if (request)
    io.stdout(
      `${differencesText(outcome.json)}Dry run: this request was validated and signed, and not sent (signature value and secrets redacted):\n\n${requestText(request)}`,
    );
  else if (outcome.json.dryRun) io.stdout(`${differencesText(outcome.json)}Dry run: ${outcome.detail}\n`);
  else io.stdout(single(outcome));
}
