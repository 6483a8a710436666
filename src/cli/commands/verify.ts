// live-https-cert verify: does each domain serve the expected certificate? A TLS handshake with
// SNI = the domain; the expected leaf is --cert's, else the deployed one (read with a GET).
import { summarizePem } from '../../ops/certificate-summary.js';
import { tlsCertificateOf } from '../../ops/deployed.js';
import { verifyServed, type VerifyResult } from '../../ops/verify.js';
import type { Flags } from '../args.js';
import { commandClient, type CommandClient } from '../client-factory.js';
import { domainsFrom } from '../domains.js';
import { EXIT } from '../exit-codes.js';
import { readPemFile } from '../files.js';
import type { CliIo } from '../io.js';
import { runOverDomains } from '../run-domains.js';
import { verifyTargetFrom } from '../verify-flags.js';
import { type FailedJson, failedOutcome, type OkJson, okOutcome } from './outcome.js';
import { UsageError } from '../exit-codes.js';

/**
 * A domain's result in verify's JSON: what the handshake found (a failure when it was not the
 * expected certificate), no certificate deployed to compare with, or why it could not be read.
 */
type VerifyJson =
  | OkJson<Omit<VerifyResult, 'domain'>>
  | ({ domain: string; status: 'failed' } & Omit<VerifyResult, 'domain'>)
  | { domain: string; status: 'failed'; matched: false; reason: string }
  | FailedJson;

function servedText(r: VerifyResult): string {
  return r.served
    ? `${r.address} serves ${r.served.subject}, fingerprint ${r.served.fingerprint256}, until ${r.served.notAfter}`
    : `${r.address}: ${r.error ?? 'no certificate'}`;
}

export async function verify(values: Flags<'verify'>, io: CliIo): Promise<number> {
  const domains = domainsFrom(values);
  const target = verifyTargetFrom(values);
  const certFile = values.cert;
  let expectedFromFile: string | undefined;
  if (certFile !== undefined) {
    const leaf = summarizePem(readPemFile(certFile, '--cert'));
    if (!leaf) throw new UsageError(`--cert ${certFile}: no readable PEM certificate in it`);
    expectedFromFile = leaf.fingerprint256;
  }
  // The API is only read when the expected certificate is the deployed one.
  const cc: CommandClient | undefined =
    expectedFromFile === undefined ? await commandClient(values, io.env, io.stderr, io.timers) : undefined;

  return runOverDomains<VerifyJson>({
    domains,
    values,
    io,
    attentionIsReport: true,
    secrets: cc?.secrets ?? [],
    credentials: cc?.credentialsState,
    task: async (domain) => {
      let expected = expectedFromFile;
      if (expected === undefined) {
        try {
          const deployed = summarizePem(tlsCertificateOf(await cc!.client.showDomainHttpsCert({ domain })));
          if (!deployed) {
            return {
              domain,
              status: 'failed',
              exitCode: EXIT.attention,
              warnings: [],
              detail: 'no readable certificate is deployed to compare with (give --cert)',
              json: { domain, status: 'failed', matched: false, reason: 'no deployed certificate' },
            };
          }
          expected = deployed.fingerprint256;
        } catch (error) {
          return failedOutcome(domain, error, {});
        }
      }
      const r = await verifyServed({
        domain,
        expectedFingerprint: expected,
        ...target,
        ...(io.interrupt ? { signal: io.interrupt } : {}),
      });
      const { domain: _d, ...json } = r;
      if (r.matched)
        return okOutcome(domain, `serves the expected certificate (${r.expectedFingerprint}) at ${r.address}`, json);
      // No handshake at all is a network failure (exit 3), not another certificate served (exit 4).
      return {
        domain,
        status: 'failed',
        exitCode: r.handshake ? EXIT.attention : EXIT.network,
        warnings: [],
        detail: `${servedText(r)}; expected ${r.expectedFingerprint}`,
        json: { domain, status: 'failed', ...json },
      };
    },
    single: (o) => `${o.domain}: ${o.detail}\n`,
  });
}
