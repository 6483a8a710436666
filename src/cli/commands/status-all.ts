// live-https-cert status --all: every play domain's certificate as ShowCertificateInfo lists it,
// a hundred domains a call and no GET per domain. The list gives expiry, source and cert_id, not
// the certificate itself: what it cannot tell (names, coverage) is `status --domain`'s detail.
import { type FleetStatus, fleetStatus } from '../../ops/inventory.js';
import type { Flags } from '../args.js';
import type { CommandClient } from '../client-factory.js';
import { EXIT } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import type { CliIo } from '../io.js';
import { resultDocument } from '../output.js';
import { runOverDomains } from '../run-domains.js';
import { statusOutcome, type StatusRowJson } from './outcome.js';

/** A domain's result in status --all's JSON: its row of the list. */
type FleetStatusJson = StatusRowJson<Omit<FleetStatus, 'domain'>>;

const SM = { sm: 'SM certificate', 'sm-sign': 'SM signature certificate', 'sm-enc': 'SM encryption certificate' };

function brief(s: FleetStatus): string {
  const source =
    s.source === 'scm'
      ? `scm${s.certId ? ` (cert_id ${s.certId}${s.certName ? `, ${s.certName}` : ''})` : ''}`
      : (s.source ?? 'unknown');
  const expiry = s.expireTime === null ? 'expiry unknown' : `${s.daysLeft} days left (until ${s.expireTime})`;
  const type = s.certType === 'international' ? '' : `, ${SM[s.certType]}`;
  return `${expiry}, source ${source}${type}`;
}

function outcomeOf(s: FleetStatus): DomainOutcome<FleetStatusJson> {
  const { domain, ...json } = s;
  return statusOutcome(domain, s.attention, brief(s), json);
}

export async function statusAll(
  values: Flags<'status'>,
  io: CliIo,
  cc: CommandClient,
  warnDays: number,
): Promise<number> {
  const statuses = await fleetStatus(cc.client, { warnDays });
  if (statuses.length === 0) {
    if (values['json']) io.stdout(`${JSON.stringify(resultDocument([], cc.secrets), null, 2)}\n`);
    else io.stdout('No play domain of this project has a certificate (ShowCertificateInfo lists none).\n');
    return EXIT.ok;
  }
  // Judged already: each "task" hands over its domain's outcome (a domain listed twice, an
  // international and an SM certificate, has two rows).
  const pending = new Map<string, DomainOutcome<FleetStatusJson>[]>();
  for (const s of statuses) {
    const list = pending.get(s.domain) ?? [];
    list.push(outcomeOf(s));
    pending.set(s.domain, list);
  }
  return runOverDomains<FleetStatusJson>({
    domains: statuses.map((s) => s.domain),
    values,
    io,
    attentionIsReport: true,
    secrets: cc.secrets,
    credentials: cc.credentialsState,
    task: async (domain) => pending.get(domain)!.shift()!,
    single: (o) => `${o.domain}: ${o.detail}\n`,
  });
}
