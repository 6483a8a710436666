// `rollback`: puts back the setting saved before the last write to a domain. A CCM binding is
// restored by its `cert_id`; an uploaded PEM cannot be (its key never passed through this tool),
// nor "no certificate" (that would delete the domain's HTTPS): each says why and changes nothing.
import type { LiveClient } from '../client.js';
import { deployedText } from './deployed.js';
import type { RollbackState, SavedSetting } from './rollback-state.js';

export interface RollbackResult {
  domain: string;
  /** `restored`: the saved CCM binding is deployed again; otherwise nothing was written. */
  action: 'restored' | 'not-restorable' | 'nothing-saved';
  reason?: string;
  restored?: { certId: string; certName?: string; forceRedirect: boolean };
  requestId?: string | undefined;
  saved?: SavedSetting;
}

export async function rollbackDomain(options: {
  client: LiveClient;
  state: RollbackState;
  domain: string;
  signal?: AbortSignal | undefined;
}): Promise<RollbackResult> {
  const { client, state, domain } = options;
  const saved = await state.latest(domain);
  if (!saved)
    return { domain, action: 'nothing-saved', reason: `no setting of ${domain} was saved before a write by this tool` };
  const previous = saved.certificate;
  if (previous.kind === 'uploaded')
    return {
      domain,
      action: 'not-restorable',
      saved,
      reason: `the previous certificate (${previous.fingerprint256 ?? 'unreadable'}) was an uploaded PEM whose private key this tool never had: upload it again with update`,
    };
  if (previous.kind === 'none')
    return {
      domain,
      action: 'not-restorable',
      saved,
      reason: 'no certificate was configured before: use delete to remove the HTTPS configuration',
    };
  const body = {
    tls_certificate: {
      source: 'scm' as const,
      cert_id: previous.certId,
      ...(previous.certName ? { cert_name: previous.certName } : {}),
    },
    force_redirect: saved.forceRedirect,
  };
  const { requestId } = await client.updateDomainHttpsCert({
    domain,
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // The entry is undone: the next rollback goes one write further back.
  await state.pop(domain);
  return {
    domain,
    action: 'restored',
    requestId,
    saved,
    restored: {
      certId: deployedText(previous.certId),
      ...(previous.certName ? { certName: deployedText(previous.certName) } : {}),
      forceRedirect: saved.forceRedirect,
    },
  };
}
