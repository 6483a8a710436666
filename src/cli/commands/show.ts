// live-https-cert show: the configuration of each domain, with a summary of its certificate.
// Everything in it came from the server: the printers clean it (see output.ts).
import { stripControls } from '../../internal/server-text.js';
import { summarizePem } from '../../ops/certificate-summary.js';
import { type CertificateConfig, tlsCertificateOf } from '../../ops/deployed.js';
import type { Flags } from '../args.js';
import type { ShowResult } from '../../client.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import type { DomainOutcome, SkippedJson } from '../fleet.js';
import { type CallJson, callOutcome } from './outcome.js';

/** A domain's result in show's JSON: its configuration, key fields left out. */
type ShowJson = CallJson<{ data: ShowResult }>;

function describeCertificate(info: CertificateConfig): string {
  const pem = tlsCertificateOf(info);
  if (!pem) return 'none returned';
  const leaf = summarizePem(pem);
  return leaf
    ? `${leaf.subject}; ${leaf.names.join(', ') || 'no names'}; valid until ${leaf.notAfter}`
    : `${pem.length} characters (not parseable here)`;
}

const KEY_FIELDS = new Set(['certificate_key', 'sign_certificate_key', 'enc_certificate_key']);

/**
 * The configuration without key fields, at any depth: the API returns them empty, and a key is
 * never printed. A copy of the answer (plain JSON data) with those fields deleted, so it keeps the
 * answer's type; the key fields are optional in it.
 */
function withoutKeys(config: ShowResult): ShowResult {
  // Checked first, without recursion: the copy, the walk below and the JSON printing recurse, and
  // an answer nested deep enough would end them with a bare RangeError.
  if (deeperThan(config, MAX_DEPTH))
    throw new Error(`the configuration the API answered is nested deeper than ${MAX_DEPTH} levels: not printed`);
  const copy = structuredClone(config);
  deleteKeys(copy);
  return copy;
}

/** Far deeper than the configuration the spec documents (three levels), far below the stack's limit. */
const MAX_DEPTH = 64;

function deeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

function deleteKeys(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    if (KEY_FIELDS.has(k)) Reflect.deleteProperty(value, k);
    else deleteKeys(v);
  }
}

/** show's text for one domain: format, force_redirect, the certificate, where it comes from. */
function showText(o: DomainOutcome<ShowJson | SkippedJson>): string {
  // printOne gives this only a configuration that was read (errors, skips and dry runs have their own text).
  if (!('data' in o.json)) return `${o.domain}: ${o.detail}\n`;
  const data: CertificateConfig & { certificate_format?: string | undefined } = o.json.data;
  const tls = data.tls_certificate;
  const gm = data.gm_certificate;
  // Each value on its own line: a line break from the server would start a line of its own.
  const one = (value: unknown) => stripControls(String(value));
  return (
    `${o.domain}\n  certificate_format: ${one(data.certificate_format ?? '')}\n  force_redirect:     ${one(data.force_redirect ?? false)}\n` +
    `  certificate:        ${one(describeCertificate(data))}\n` +
    (tls
      ? `  tls_certificate:    source ${one(tls.source ?? 'user')}${tls.cert_id ? `, cert_id ${one(tls.cert_id)}` : ''}${tls.cert_name ? `, cert_name ${one(tls.cert_name)}` : ''}\n`
      : '') +
    (gm ? `  gm_certificate:     present${gm.cert_name ? ` (${one(gm.cert_name)})` : ''}\n` : '')
  );
}

export async function show(values: Flags<'show'>, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  return runOverDomains<ShowJson>({
    domains,
    values,
    io,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: (domain) =>
      callOutcome(
        domain,
        cc,
        () => cc.client.showDomainHttpsCert({ domain }),
        (data) => ({
          detail: `${data.certificate_format ?? 'PEM'}, force_redirect ${data.force_redirect ?? false}, ${describeCertificate(data)}`,
          json: { data: withoutKeys(data) },
        }),
      ),
    single: showText,
  });
}
