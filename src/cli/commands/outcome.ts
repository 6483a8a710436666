// A domain's outcome from a call that resolved or threw, and the JSON shapes every command's
// result is built from: the domain and the result's status first, then the command's own fields.
import { EXIT, exitCodeOf } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import type { CommandClient } from '../client-factory.js';
import { errorJson, errorLine, type RedactedRequest } from '../output.js';

/** A result that succeeded: the command's fields after the domain and status. */
export type OkJson<R extends object> = { domain: string; status: 'ok' | 'unchanged' } & R;

/** A result that failed: what the command adds (`E`), then the error. */
export type FailedJson<E extends object = object> = { domain: string; status: 'failed' } & E & {
    error: Record<string, unknown>;
  };

/** What a dry run reports instead of an answer: the request, validated and signed, not sent. */
export interface DryRunRequest {
  dryRun: true;
  request: RedactedRequest;
}

/** The result of one API call (callOutcome): its answer as the command describes it, a dry run, or an error. */
export type CallJson<R extends object> = OkJson<R> | OkJson<DryRunRequest> | FailedJson;

/** A status row (statusOutcome): `R` is the row without its domain. */
export type StatusRowJson<R extends object> = { domain: string; status: 'ok' | 'unchanged' | 'failed' } & R & {
    needsAttention: boolean;
  };

/** `extra`: what the command adds before the error (`{}` when nothing). */
export function failedOutcome<E extends object>(
  domain: string,
  error: unknown,
  extra: E,
  warnings: string[] = [],
): DomainOutcome<FailedJson<E>> {
  return {
    domain,
    status: 'failed',
    exitCode: exitCodeOf(error),
    detail: errorLine(error),
    warnings,
    json: { domain, status: 'failed', ...extra, error: errorJson(error) },
  };
}

export function okOutcome<R extends object>(
  domain: string,
  detail: string,
  json: R,
  warnings: string[] = [],
  status: 'ok' | 'unchanged' = 'ok',
): DomainOutcome<OkJson<R>> {
  return { domain, status, exitCode: 0, detail, warnings, json: { domain, status, ...json } };
}

/**
 * Runs one API call for a domain. Under --dry-run the client's wire is a recorder: the request it
 * recorded becomes the outcome instead of the (fake) answer.
 */
export async function callOutcome<T, R extends object>(
  domain: string,
  cc: Pick<CommandClient, 'record'>,
  call: () => Promise<T>,
  describe: (result: T) => { detail: string; json: R },
): Promise<DomainOutcome<CallJson<R>>> {
  try {
    const { result, request } = await cc.record(call);
    if (request) {
      const dryRun: DryRunRequest = { dryRun: true, request };
      return okOutcome(domain, 'dry run: validated and signed, not sent', dryRun);
    }
    const { detail, json } = describe(result);
    return okOutcome(domain, detail, json);
  } catch (error) {
    return failedOutcome(domain, error, {});
  }
}

/**
 * A status row: ok when nothing needs attention, else a failure with the status exit code (4) that
 * names what needs it. `json` is the row without its domain.
 */
export function statusOutcome<R extends object>(
  domain: string,
  attention: readonly string[],
  brief: string,
  json: R,
): DomainOutcome<StatusRowJson<R>> {
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
