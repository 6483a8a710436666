// live-https-cert domains: the project's Live domains as Live knows them (one ShowDomain), with the
// deployed certificate of each play domain (ShowCertificateInfo, a hundred domains a call).
import { type InventoryDomain, listDomains } from '../../ops/inventory.js';
import { stripControls } from '../../internal/server-text.js';
import type { Flags } from '../args.js';
import { commandClient } from '../client-factory.js';
import { EXIT } from '../exit-codes.js';
import type { DomainOutcome } from '../fleet.js';
import type { CliIo } from '../io.js';
import { resultDocument } from '../output.js';

function outcomeOf(d: InventoryDomain): DomainOutcome {
  return {
    domain: d.domain,
    status: 'ok',
    exitCode: EXIT.ok,
    detail: '',
    warnings: [],
    // `status` is the result's, as in every command; the domain's own state is `domainStatus`.
    json: {
      domain: d.domain,
      status: 'ok',
      type: d.type,
      domainStatus: d.status,
      cname: d.cname,
      certificate: d.certificate,
    },
  };
}

/** A row per domain; every cell is server text, so each is cleaned on its own (no cell can start a row). */
function table(domains: readonly InventoryDomain[]): string {
  const rows = domains.map((d) =>
    [
      d.domain,
      d.type,
      d.status,
      d.certificate?.expireTime ?? (d.type === 'pull' ? 'none' : '-'),
      d.certificate
        ? `${d.certificate.source ?? '-'}${d.certificate.certType === 'international' ? '' : ` (${d.certificate.certType})`}`
        : '-',
      d.certificate?.certId || '-',
      d.cname ?? '-',
    ].map((cell) => stripControls(cell)),
  );
  const header = ['DOMAIN', 'TYPE', 'STATUS', 'CERTIFICATE EXPIRES', 'SOURCE', 'CERT_ID', 'CNAME'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const pull = domains.filter((d) => d.type === 'pull');
  const summary =
    `${domains.length} domain${domains.length === 1 ? '' : 's'}: ${pull.length} pull ` +
    `(${pull.filter((d) => d.certificate).length} with a certificate), ${domains.length - pull.length} push`;
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${summary}\n`;
}

export async function domains(values: Flags<'domains'>, io: CliIo): Promise<number> {
  const cc = await commandClient(values, io.env, io.stderr, io.timers);
  // A few calls, not a fleet: Ctrl-C is not awaited here (a second one quits at once).
  const list = await listDomains(cc.client);
  if (values['json']) io.stdout(`${JSON.stringify(resultDocument(list.map(outcomeOf), cc.secrets), null, 2)}\n`);
  else io.stdout(list.length ? table(list) : 'No Live domain in this project and region.\n');
  return EXIT.ok;
}
