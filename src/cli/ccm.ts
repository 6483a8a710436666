// --via-ccm in the CLI: the certificate goes to Cloud Certificate Manager once per run (the first
// domain that passes its pre-flight asks; every other one waits for the same answer), and each
// domain is bound to it by cert_id. The dry run looks the name up for real (a read) and records
// the import it would make instead of sending it: the key shows as redacted, and the bindings
// carry a stand-in cert_id that says where the real one would come from.
import type { LocalCertificate } from '../check/local-certificate.js';
import { ensureCcmCertificate } from '../ops/ccm-deploy.js';
import type { CommandClient } from './client-factory.js';
import type { RedactedRequest } from './output.js';

/** The cert_id a dry run binds to when the certificate is not in CCM yet. */
export const DRY_RUN_CERT_ID = '(assigned by CCM at import)';

export interface CcmPlan {
  certName: string;
  certId: string;
  /** `reused`: a certificate of that name was found, nothing imported. */
  action: 'imported' | 'reused' | 'would import';
  /** The dry run's import request (key and certificate text redacted). */
  request?: RedactedRequest;
}

export function ccmBinding(local: LocalCertificate, cc: CommandClient, dryRun: boolean): () => Promise<CcmPlan> {
  let plan: Promise<CcmPlan> | undefined;
  const find = async (): Promise<CcmPlan> => {
    if (!dryRun) {
      const ref = await ensureCcmCertificate(cc.client, local);
      return { certName: ref.certName, certId: ref.certId, action: ref.imported ? 'imported' : 'reused' };
    }
    let request: RedactedRequest | undefined;
    const ref = await ensureCcmCertificate(
      {
        listCertificates: (options) => cc.reader.listCertificates(options),
        importCertificate: async (options) => {
          const recorded = await cc.record(() => cc.client.importCertificate(options), {
            status: 200,
            json: { certificate_id: DRY_RUN_CERT_ID },
          });
          request = recorded.request;
          return recorded.result;
        },
      },
      local,
    );
    return {
      certName: ref.certName,
      certId: ref.certId,
      action: ref.imported ? 'would import' : 'reused',
      ...(request ? { request } : {}),
    };
  };
  return () => (plan ??= find());
}
