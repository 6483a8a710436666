// A domain's outcome from a call that resolved or threw.
import { exitCodeOf } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import { errorJson, errorLine } from '../output.js';

export function failedOutcome(domain: string, error: unknown, extra: Record<string, unknown> = {}): DomainOutcome {
  return { domain, status: 'failed', exitCode: exitCodeOf(error), detail: errorLine(error), json: { domain, status: 'failed', ...extra, error: errorJson(error) } };
}

export function okOutcome(domain: string, detail: string, json: Record<string, unknown>): DomainOutcome {
  return { domain, status: 'ok', exitCode: 0, detail, json: { domain, status: 'ok', ...json } };
}
