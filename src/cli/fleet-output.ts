// How a run over domains is written: each domain's result as it finishes (memory stays flat in
// the number of domains), as one JSON document { results, ok, summary } written piece by piece,
// as a table a row at a time, or, for one domain, as that command's own text.
import type { DomainOutcome, FleetTally } from './fleet.js';
import { stripControls } from '../internal/server-text.js';
import { outcomeJson } from './output.js';

export interface OutcomeWriter<J extends object = object> {
  outcome(outcome: DomainOutcome<J>): void;
  end(tally: FleetTally, interrupted: boolean): void;
}

/**
 * The same document JSON.stringify(doc, null, 2) would give for { results, ok, summary }, begun
 * before the first domain and closed after the last: a reader that parses the whole gets one
 * document; one that follows it sees each result as it finishes.
 */
export function jsonWriter(write: (text: string) => void, secrets: readonly string[]): OutcomeWriter {
  write('{\n  "results": [');
  let first = true;
  return {
    outcome(outcome) {
      const text = JSON.stringify(outcomeJson(outcome, secrets), null, 2).replace(/\n/g, '\n    ');
      write(`${first ? '' : ','}\n    ${text}`);
      first = false;
    },
    end(tally, interrupted) {
      const rest = JSON.stringify(
        { ok: tally.summary.failed === 0, summary: tally.summary, ...(interrupted ? { interrupted: true } : {}) },
        null,
        2,
      );
      // `rest` is "{\n  ...\n}": its members follow the results in the same object.
      write(`${first ? '' : '\n  '}],\n${rest.slice(2)}\n`);
    },
  };
}

/** A table, a row per domain as it finishes (its warnings under it), and the counts at the end. */
export function tableWriter(write: (text: string) => void, domains: readonly string[]): OutcomeWriter {
  let width = 6;
  for (const domain of domains) width = Math.max(width, Math.min(60, domain.length));
  write(`${'DOMAIN'.padEnd(width)}  RESULT     DETAIL\n`);
  return {
    outcome(o) {
      // One row per domain: a line break in a detail (server text) would forge a row of its own.
      const warnings = (o.warnings ?? []).map((w) => `${''.padEnd(width)}  warning: ${stripControls(w)}\n`).join('');
      write(`${o.domain.padEnd(width)}  ${o.status.padEnd(9)}  ${stripControls(o.detail)}\n${warnings}`);
    },
    end(tally) {
      const s = tally.summary;
      write(
        `\n${s.ok + s.unchanged} of ${s.total} succeeded (${s.ok} ok, ${s.unchanged} unchanged), ${s.failed} failed, ${s.skipped} skipped\n`,
      );
    },
  };
}
