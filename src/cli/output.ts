// What the CLI prints: error summaries, result tables, findings, dry-run requests. Nothing here
// prints a secret: errors are already redacted, and request bodies and headers are redacted here.
import type { CheckReport } from '../check/findings.js';
import { LiveError } from '../errors.js';
import type { ReadCompareWriteResult } from '../ops/read-compare-write.js';
import { redact } from '../internal/redact.js';
import { serverLines, serverText, stripControls } from '../internal/server-text.js';
import { exitCodeOf, hintFor } from './exit-codes.js';
import { type DomainOutcome, type FleetSummary, type OutcomeStatus, summaryOf } from './fleet.js';
import { thrownField } from './thrown.js';

/** The longest string a JSON result keeps (a PEM chain fits). */
const JSON_TEXT_MAX = 16_384;

/**
 * Every string of a result made safe to print: secrets redacted, control characters and escape
 * sequences removed (PEM text keeps its line breaks), then cut. Server text reaches results from
 * many places (error fields, request ids, certificate names); this pass covers them all.
 */
export function sanitizeJson(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    return value.includes('-----BEGIN ')
      ? serverLines(value, secrets, JSON_TEXT_MAX)
      : serverText(value, secrets, JSON_TEXT_MAX);
  }
  if (Array.isArray(value)) return value.map((v) => sanitizeJson(v, secrets));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripControls(k), sanitizeJson(v, secrets)]));
}

/** Text for a terminal: no control character but the line breaks, no escape sequence. */
export function safeLines(text: string): string {
  return text.split('\n').map(stripControls).join('\n');
}

/** The JSON of one outcome, as in the document's results (secrets redacted, server text cleaned). */
export function outcomeJson(outcome: DomainOutcome, secrets: readonly string[]): unknown {
  return sanitizeJson(
    { ...outcome.json, ...(outcome.warnings?.length ? { warnings: outcome.warnings } : {}) },
    secrets,
  );
}

/** The one JSON document every command prints, for any number of domains (results first, as streamed). */
export function resultDocument(
  outcomes: readonly DomainOutcome[],
  secrets: readonly string[],
): { results: unknown[]; ok: boolean; summary: FleetSummary } {
  const summary = summaryOf(outcomes);
  return {
    results: outcomes.map((o) => outcomeJson(o, secrets)),
    ok: summary.failed === 0,
    summary,
  };
}

export function errorJson(error: unknown): Record<string, unknown> {
  const base =
    error instanceof LiveError
      ? error.toJSON()
      : { name: thrownField(error, 'name') ?? 'Error', message: String(thrownField(error, 'message') ?? error) };
  const hint = hintFor(error);
  return { ...base, exitCode: exitCodeOf(error), ...(hint ? { hint } : {}) };
}

export function errorLine(error: unknown): string {
  const hint = hintFor(error);
  return `${thrownField(error, 'message') ?? String(error)}${hint ? ` (${hint})` : ''}`;
}

const MARK = { passed: 'ok  ', failed: 'FAIL', 'not-checked': 'n/a ' } as const;

export function findingsText(report: CheckReport, domain: string): string {
  const lines = [`Pre-flight checks for ${domain}:`];
  for (const f of report.findings) {
    const label = f.status === 'failed' ? (f.severity === 'error' ? 'FAIL' : 'WARN') : MARK[f.status];
    lines.push(`  ${label}  ${f.subject.padEnd(7)} ${f.check.padEnd(18)} ${f.message}`);
  }
  if (report.certificate)
    lines.push(`  certificate: ${report.certificate.subject}, valid until ${report.certificate.notAfter}`);
  lines.push(
    report.ok ? '  result: no errors' : '  result: errors found; nothing will be uploaded (fix them, or --skip-checks)',
  );
  return `${lines.join('\n')}\n`;
}

// CCM's import names its key fields private_key and enc_private_key, its chain certificate_chain.
const PRIVATE_KEY_FIELDS = new Set([
  'certificate_key',
  'sign_certificate_key',
  'enc_certificate_key',
  'private_key',
  'enc_private_key',
]);
const CERTIFICATE_FIELDS = new Set(['certificate', 'sign_certificate', 'enc_certificate', 'certificate_chain']);
const SECRET_HEADERS = new Set(['x-auth-token', 'x-security-token']);

function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (PRIVATE_KEY_FIELDS.has(key) && typeof v === 'string')
        return [key, `[REDACTED private key, ${v.length} characters]`];
      if (CERTIFICATE_FIELDS.has(key) && typeof v === 'string')
        return [
          key,
          `[certificate, ${v.length} characters, ${(v.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length} PEM blocks]`,
        ];
      return [key, redactBody(v)];
    }),
  );
}

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The canonical request the signature was computed over (AK/SK only), for debugging signing. */
  canonicalRequest?: string;
  /** Secrets of the credentials, to redact from everything above. */
  secrets: readonly string[];
}

// A dry run must not print a usable request: the signature value goes (the algorithm, the access
// key and the signed header list stay, so signing can still be debugged against the canonical request).
const SIGNATURE_VALUE = /(Signature=)[0-9a-fA-F]+/g;

/** A request as a dry run prints it: nothing in it can be replayed or holds key text. */
export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  canonicalRequest?: string[];
}

export function redactedRequest(request: CapturedRequest): RedactedRequest {
  // The secret headers' own values are secrets too, whatever the credentials object looked like
  // (a provider's temporary token is not in `secrets`).
  const secrets = [
    ...request.secrets,
    ...Object.entries(request.headers)
      .filter(([k]) => SECRET_HEADERS.has(k))
      .map(([, v]) => v),
  ];
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([k, v]) => [
      k,
      SECRET_HEADERS.has(k)
        ? '[REDACTED]'
        : k === 'authorization'
          ? v.replace(SIGNATURE_VALUE, '$1[REDACTED]')
          : redact(v, secrets),
    ]),
  );
  let body: unknown;
  try {
    body = request.body ? redactBody(JSON.parse(request.body)) : undefined;
  } catch {
    body = `[${request.body.length} bytes, not JSON]`;
  }
  // One line an element: JSON keeps no line breaks in strings it prints.
  const canonical =
    request.canonicalRequest === undefined
      ? {}
      : { canonicalRequest: redact(request.canonicalRequest, secrets).split('\n') };
  return { method: request.method, url: request.url, headers, ...(body === undefined ? {} : { body }), ...canonical };
}

export function requestText(request: RedactedRequest): string {
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`);
  const body = request.body === undefined ? '' : `\n\n${JSON.stringify(request.body, null, 2)}`;
  const canonical = Array.isArray(request.canonicalRequest)
    ? `\n\nCanonical request (what the signature covers):\n${request.canonicalRequest.join('\n')}`
    : '';
  return `${request.method} ${request.url}\n${headers.join('\n')}${body}${canonical}\n`;
}

/**
 * What the text of one domain reads of any command's result (run-domains.ts): the request a dry run
 * would send (with --via-ccm, the CCM import before it too) and a write's comparison of the deployed
 * certificate with the local one. Every command's result JSON fits it.
 */
export interface PrintedJson {
  domain: string;
  status: OutcomeStatus;
  dryRun?: boolean | undefined;
  request?: RedactedRequest | undefined;
  ccm?: { request?: RedactedRequest | undefined } | undefined;
  differences?: ReadCompareWriteResult['differences'] | undefined;
  deployed?: ReadCompareWriteResult['deployed'] | undefined;
  local?: ReadCompareWriteResult['local'] | undefined;
}

/** Deployed versus local, for the dry run of an update: subject, expiry, fingerprint, force_redirect. */
export function differencesText({ differences, deployed, local }: PrintedJson): string {
  if (!differences) return '';
  const row = (name: string, a: unknown, b: unknown) =>
    `  ${name.padEnd(15)} ${String(a ?? '-').padEnd(50)} ${String(b ?? '-')}${a !== b && deployed ? '   (differs)' : ''}`;
  const lines = [`${''.padEnd(17)}${'DEPLOYED'.padEnd(51)}LOCAL`];
  lines.push(
    row(
      'subject',
      deployed ? (deployed.certificate?.subject ?? 'none') : 'not read (--always)',
      local?.certificate?.subject,
    ),
  );
  lines.push(row('not after', deployed?.certificate?.notAfter, local?.certificate?.notAfter));
  lines.push(row('sha-256', deployed?.certificate?.fingerprint256, local?.certificate?.fingerprint256));
  lines.push(row('force_redirect', deployed?.forceRedirect, local?.forceRedirect ?? '(API default: false)'));
  lines.push(
    differences.length
      ? `  differs in: ${differences.map((d) => d.field).join(', ')}`
      : deployed
        ? '  no difference: nothing would be uploaded'
        : '',
  );
  return `${lines.join('\n')}\n\n`;
}
