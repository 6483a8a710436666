// What the CLI prints: error summaries, result tables, findings, dry-run requests. Nothing here
// prints a secret: errors are already redacted, and request bodies and headers are redacted here.
import type { CheckReport } from '../check/findings.js';
import { LiveError } from '../errors.js';
import { exitCodeOf, hintFor } from './exit-codes.js';
import type { DomainOutcome } from './fleet.js';

export function errorJson(error: unknown): Record<string, unknown> {
  const base = error instanceof LiveError ? error.toJSON() : { name: (error as Error)?.name ?? 'Error', message: String((error as Error)?.message ?? error) };
  const hint = hintFor(error);
  return { ...base, exitCode: exitCodeOf(error), ...(hint ? { hint } : {}) };
}

export function errorLine(error: unknown): string {
  const hint = hintFor(error);
  return `${(error as Error)?.message ?? String(error)}${hint ? ` (${hint})` : ''}`;
}

export function outcomeTable(outcomes: readonly DomainOutcome[]): string {
  const width = Math.min(60, Math.max(6, ...outcomes.map((o) => o.domain.length)));
  const lines = [`${'DOMAIN'.padEnd(width)}  RESULT   DETAIL`];
  for (const o of outcomes) lines.push(`${o.domain.padEnd(width)}  ${o.status.padEnd(7)}  ${o.detail}`);
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  const skipped = outcomes.filter((o) => o.status === 'skipped').length;
  lines.push(`${ok} of ${outcomes.length} succeeded${skipped ? `, ${skipped} skipped` : ''}, ${outcomes.length - ok - skipped} failed`);
  return `${lines.join('\n')}\n`;
}

const MARK = { passed: 'ok  ', failed: 'FAIL', 'not-checked': 'n/a ' } as const;

export function findingsText(report: CheckReport, domain: string): string {
  const lines = [`Pre-flight checks for ${domain}:`];
  for (const f of report.findings) {
    const label = f.status === 'failed' ? (f.severity === 'error' ? 'FAIL' : 'WARN') : MARK[f.status];
    lines.push(`  ${label}  ${f.subject.padEnd(7)} ${f.check.padEnd(18)} ${f.message}`);
  }
  if (report.certificate) lines.push(`  certificate: ${report.certificate.subject}, valid until ${report.certificate.validTo}`);
  lines.push(report.ok ? '  result: no errors' : '  result: errors found; nothing will be uploaded (fix them, or --skip-checks)');
  return `${lines.join('\n')}\n`;
}

const PRIVATE_KEY_FIELDS = new Set(['certificate_key', 'sign_certificate_key', 'enc_certificate_key']);
const CERTIFICATE_FIELDS = new Set(['certificate', 'sign_certificate', 'enc_certificate']);
const SECRET_HEADERS = new Set(['x-auth-token', 'x-security-token']);

function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (PRIVATE_KEY_FIELDS.has(key) && typeof v === 'string') return [key, `[REDACTED private key, ${v.length} characters]`];
      if (CERTIFICATE_FIELDS.has(key) && typeof v === 'string') return [key, `[certificate, ${v.length} characters, ${(v.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length} PEM blocks]`];
      return [key, redactBody(v)];
    }),
  );
}

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function redactedRequest(request: CapturedRequest): Record<string, unknown> {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, SECRET_HEADERS.has(k) ? '[REDACTED]' : v]));
  let body: unknown;
  try {
    body = request.body ? redactBody(JSON.parse(request.body)) : undefined;
  } catch {
    body = `[${request.body.length} bytes, not JSON]`;
  }
  return { method: request.method, url: request.url, headers, ...(body === undefined ? {} : { body }) };
}

export function requestText(request: Record<string, unknown>): string {
  const headers = Object.entries(request['headers'] as Record<string, string>).map(([k, v]) => `${k}: ${v}`);
  const body = request['body'] === undefined ? '' : `\n\n${JSON.stringify(request['body'], null, 2)}`;
  return `${request['method']} ${request['url']}\n${headers.join('\n')}${body}\n`;
}
