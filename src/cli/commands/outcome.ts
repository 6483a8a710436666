// A domain's outcome from a call that resolved or threw, and how one outcome is printed.
import type { ParsedValues } from '../args.js';
import { exitCodeOf } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import type { CliIo } from '../io.js';
import { type CapturedRequest, errorJson, errorLine, redactedRequest, requestText } from '../output.js';

export function failedOutcome(domain: string, error: unknown, extra: Record<string, unknown> = {}): DomainOutcome {
  return { domain, status: 'failed', exitCode: exitCodeOf(error), detail: errorLine(error), json: { domain, status: 'failed', ...extra, error: errorJson(error) } };
}

export function okOutcome(domain: string, detail: string, json: Record<string, unknown>): DomainOutcome {
  return { domain, status: 'ok', exitCode: 0, detail, json: { domain, status: 'ok', ...json } };
}

/**
 * Runs one API call for a domain. Under --dry-run the client's wire is a recorder: the request it
 * recorded becomes the outcome instead of the (fake) answer.
 */
export async function callOutcome<T>(
  domain: string,
  captured: CapturedRequest[],
  call: () => Promise<T>,
  describe: (result: T) => { detail: string; json: Record<string, unknown> },
  extra: Record<string, unknown> = {},
): Promise<DomainOutcome> {
  try {
    const before = captured.length;
    const result = await call();
    const request = captured[before];
    if (request) return okOutcome(domain, 'dry run: validated and signed, not sent', { dryRun: true, request: redactedRequest(request), ...extra });
    const { detail, json } = describe(result);
    return okOutcome(domain, detail, { ...json, ...extra });
  } catch (error) {
    return failedOutcome(domain, error, extra);
  }
}

/** Prints the outcome of a single-domain run: JSON, an error, a dry-run request, or `success`. */
export function printSingle(outcome: DomainOutcome, values: ParsedValues, io: CliIo, success: (outcome: DomainOutcome) => string): void {
  if (values['json']) return io.stdout(`${JSON.stringify(outcome.json, null, 2)}\n`);
  if (outcome.status !== 'ok') return io.stderr(`error: ${outcome.domain}: ${outcome.detail}\n`);
  const request = outcome.json['request'] as Record<string, unknown> | undefined;
  if (request) return io.stdout(`Dry run: this request was validated and signed, and not sent (secrets redacted):\n\n${requestText(request)}`);
  io.stdout(success(outcome));
}
