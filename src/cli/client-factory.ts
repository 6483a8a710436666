// The client a command uses: the real one, or for --dry-run one whose wire is a recording sender.
import { secretsOf } from '../auth/credentials.js';
import { createLiveClient, type LiveClient } from '../client.js';
import { createNodeLiveClient } from '../node/index.js';
import { ConfigurationError } from '../errors.js';
import { redact } from '../internal/redact.js';
import type { CcmFlags, ConnectionFlags } from './args.js';
import { UsageError } from './exit-codes.js';
import type { CredentialsState } from '../transport/credentials-gate.js';
import type { Timers } from '../transport/pacer.js';
import { createRecorder, type RecordedAnswer } from './dry-run.js';
import type { RedactedRequest } from './output.js';
import { clientSettingsFrom, type Env } from './settings.js';

export interface CommandClient {
  client: LiveClient;
  /** A client that really sends, for reads a dry run still makes (what is deployed). */
  reader: LiveClient;
  /**
   * Runs one domain's calls. Under --dry-run the request `client` would have sent comes back with
   * the result (redacted: no signature value, secret or key text); otherwise none.
   */
  record<T>(
    call: () => Promise<T>,
    answer?: RecordedAnswer,
  ): Promise<{ result: T; request: RedactedRequest | undefined }>;
  /** The secrets of the credentials the chain resolved first, for redacting what is printed. */
  secrets: string[];
  /** What the answers so far showed of the credentials (refused by either client counts). */
  credentialsState: () => CredentialsState;
}

/**
 * A client made with the run's secrets kept out of a refusal of its options: the options hold a
 * provider, so the client cannot know them when it checks an id that holds one (a secret pasted as
 * --project-id, swapped variables), and the error is printed and put in --json.
 */
function made(make: () => LiveClient, secrets: readonly string[]): LiveClient {
  try {
    return make();
  } catch (error) {
    if (error instanceof ConfigurationError) throw new ConfigurationError(error.option, redact(error.message, secrets));
    throw error;
  }
}

// Async (and taking a warning printer) because the credentials may come from a file or the
// metadata service, and a missing project id is looked up at IAM.
export async function commandClient(
  values: ConnectionFlags & Pick<CcmFlags, 'domain-id'>,
  env: Env,
  warn?: (message: string) => void,
  timers?: Timers,
): Promise<CommandClient> {
  const settings = await clientSettingsFrom(values, env, warn);
  const { first } = settings;
  // One client per run, so one pace for all of the run's requests.
  const options = timers ? { ...settings.options, timers } : settings.options;
  // The options hold a provider; its first answer is what this command signs with.
  const secrets = secretsOf(first);
  const real = made(() => createNodeLiveClient(options), secrets);
  if (!values['dry-run']) {
    // A project id that has to be looked up is looked up once, before any domain starts.
    await real.resolveProjectId();
    return {
      client: real,
      reader: real,
      secrets,
      record: async (call) => ({ result: await call(), request: undefined }),
      credentialsState: () => real.credentialsState,
    };
  }
  // The request is validated and signed for real; only the wire is replaced.
  const recorder = createRecorder(secrets);
  const client = made(
    () =>
      createLiveClient({
        ...options,
        // Its "attempts" reach a recorder, not the API: no attempt lines that look like real calls.
        logLevel: options.logLevel === 'off' ? 'off' : 'warn',
        retries: 0,
        sender: recorder.sender,
      }),
    secrets,
  );
  // A dry run's own answers are made up: only the reader's real answers say anything of the credentials.
  const credentialsState = (): CredentialsState =>
    real.credentialsState === 'refused' || client.credentialsState === 'refused' ? 'refused' : real.credentialsState;
  // The client's rule decides whether a project id is known without a lookup (which would send).
  await client.resolveProjectId().catch((error: unknown) => {
    throw error instanceof ConfigurationError ? new UsageError(`--dry-run: ${error.message}`) : error;
  });
  return { client, reader: real, secrets, record: recorder.record, credentialsState };
}
