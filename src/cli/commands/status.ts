// live-https-cert status: the deployed certificate of each domain, for people and for monitoring.
import { DEFAULT_WARN_DAYS, domainStatus, type DomainStatus } from '../../ops/status.js';
import type { Flags } from '../args.js';
import { commandClient } from '../client-factory.js';
import { namedOrProject } from '../targets.js';
import { statusAll } from './status-all.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import type { DomainOutcome, SkippedJson } from '../fleet.js';
import { type FailedJson, failedOutcome, statusOutcome, type StatusRowJson } from './outcome.js';

/** A domain's result in status's JSON: its status row, or why it could not be read. */
type StatusJson = StatusRowJson<Omit<DomainStatus, 'domain'>> | FailedJson;

function warnDaysFrom(values: Flags<'status'>): number {
  const raw = values['warn-days'];
  if (raw === undefined) return DEFAULT_WARN_DAYS;
  const days = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || days > 3650)
    throw new UsageError(`--warn-days ${raw}: give a whole number of days from 0 to 3650`);
  return days;
}

function brief(s: DomainStatus): string {
  const c = s.certificate;
  const source = s.source === 'scm' ? `scm ${s.certId ?? ''}`.trim() : s.source;
  if (!c) return `no readable certificate (source ${source}), force_redirect ${s.forceRedirect}`;
  return `${c.daysLeft} days left (until ${c.notAfter}), ${c.subject}, covers ${c.coversDomain ? 'yes' : 'NO'}, force_redirect ${s.forceRedirect}, source ${source}`;
}

export function statusText(s: DomainStatus): string {
  const c = s.certificate;
  const lines = [
    s.domain,
    ...(c
      ? [
          `  subject:        ${c.subject}`,
          `  issuer:         ${c.issuer}`,
          `  names:          ${c.names.join(', ')}`,
          `  not after:      ${c.notAfter}`,
          `  days left:      ${c.daysLeft}`,
          `  sha-256:        ${c.fingerprint256}`,
          `  covers domain:  ${c.coversDomain ? 'yes' : 'no'}`,
        ]
      : ['  certificate:    none readable']),
    `  force_redirect: ${s.forceRedirect}`,
    `  source:         ${s.source}${s.certId ? ` (cert_id ${s.certId}${s.certName ? `, ${s.certName}` : ''})` : ''}`,
    ...(s.gmCertificate ? ['  gm_certificate: configured'] : []),
    ...(s.attention.length ? s.attention.map((a) => `  ATTENTION:      ${a}`) : ['  attention:      none']),
  ];
  return `${lines.join('\n')}\n`;
}

/** The text of one status row (printOne prints errors and skips itself: those keep their one line here). */
function statusRowText(o: DomainOutcome<StatusJson | SkippedJson>): string {
  return 'attention' in o.json ? statusText({ ...o.json, domain: o.domain }) : `${o.domain}: ${o.detail}\n`;
}

export async function status(values: Flags<'status'>, io: CliIo): Promise<number> {
  const source = namedOrProject(values, 'all');
  const warnDays = warnDaysFrom(values);
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  if (source === 'project') return statusAll(values, io, cc, warnDays);
  const domains = source;
  return runOverDomains<StatusJson>({
    domains,
    values,
    io,
    attentionIsReport: true,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: async (domain) => {
      try {
        const s = await domainStatus({ client: cc.client, domain, warnDays });
        const { domain: _d, ...json } = s;
        return statusOutcome(domain, s.attention, brief(s), json);
      } catch (error) {
        return failedOutcome(domain, error, {});
      }
    },
    single: statusRowText,
  });
}
