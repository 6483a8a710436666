// live-https-cert update: read the files, then per domain: pre-flight, read-compare-write, verify.
import { fixChainOrder } from '../../check/chain.js';
import type { DomainHttpsCertInfo } from '../../types.js';
import type { ParsedValues } from '../args.js';
import { commandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { certificateBodyFrom } from '../certificate-flags.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { uploadTask, uploadText } from './upload.js';

/** --fix-chain: the international chain reordered leaf first, and a note when it was. */
export function withFixedChain(
  body: DomainHttpsCertInfo,
  values: ParsedValues,
): { body: DomainHttpsCertInfo; notes: string[] } {
  if (!values['fix-chain'] || body.certificate === undefined) return { body, notes: [] };
  const fixed = fixChainOrder(body.certificate);
  return fixed.changed
    ? { body: { ...body, certificate: fixed.pem }, notes: ['the chain was reordered leaf first (--fix-chain)'] }
    : { body, notes: [] };
}

export async function update(values: ParsedValues, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const { body, notes } = withFixedChain(certificateBodyFrom(values, 'update'), values);
  const cc = await commandClient(values, io.env, io.stderr);
  return runOverDomains({
    domains,
    values,
    io,
    secrets: cc.secrets,
    task: uploadTask(values, body, cc, notes, io.interrupt),
    single: uploadText,
  });
}
