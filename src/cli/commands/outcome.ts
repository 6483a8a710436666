// A domain's outcome from a call that resolved or threw.
import { EXIT, exitCodeOf } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import type { CommandClient } from '../client-factory.js';
import { errorJson, errorLine } from '../output.js';

export function failedOutcome(
  domain: string,
  error: unknown,
  extra: Record<string, unknown> = {},
  warnings: string[] = [],
): DomainOutcome {
  return {
    domain,
    status: 'failed',
    exitCode: exitCodeOf(error),
    detail: errorLine(error),
    warnings,
    json: { domain, status: 'failed', ...extra, error: errorJson(error) },
  };
}

export function okOutcome(
  domain: string,
  detail: string,
  json: Record<string, unknown>,
  warnings: string[] = [],
  status: 'ok' | 'unchanged' = 'ok',
): DomainOutcome {
  return { domain, status, exitCode: 0, detail, warnings, json: { domain, status, ...json } };
}

/**
 * Runs one API call for a domain. Under --dry-run the client's wire is a recorder: the request it
 * recorded becomes the outcome instead of the (fake) answer.
 */
export async function callOutcome<T>(
  domain: string,
  cc: Pick<CommandClient, 'record'>,
  call: () => Promise<T>,
  describe: (result: T) => { detail: string; json: Record<string, unknown> },
): Promise<DomainOutcome> {
  try {
    const { result, request } = await cc.record(call);
    if (request) return okOutcome(domain, 'dry run: validated and signed, not sent', { dryRun: true, request });
    const { detail, json } = describe(result);
    return okOutcome(domain, detail, json);
  } catch (error) {
    return failedOutcome(domain, error);
  }
}

/**
 * A status row: ok when nothing needs attention, else a failure with the status exit code (4) that
 * names what needs it. `json` is the row without its domain.
 */
export function statusOutcome(
  domain: string,
  attention: readonly string[],
  brief: string,
  json: Record<string, unknown>,
): DomainOutcome {
  if (attention.length === 0) return okOutcome(domain, brief, { ...json, needsAttention: false });
  return {
    domain,
    status: 'failed',
    exitCode: EXIT.attention,
    detail: `ATTENTION: ${attention.join('; ')}; ${brief}`,
    warnings: [],
    json: { domain, status: 'failed', ...json, needsAttention: true },
  };
}
