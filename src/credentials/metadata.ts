// Temporary credentials of the agency bound to an ECS or BMS instance, from its metadata
// service, as Huawei's SDKs get them: a session token first (PUT /meta-data/latest/api/token,
// then X-Metadata-Token on every read; older services answer 404/405 and are read without),
// then GET /openstack/latest/securitykey. The answer expires; the client asks again before.
import type { components } from '../../generated/ecs-metadata.js';
import { validators as showSecurityKey } from '../../generated/validators/ecs-metadata/ShowSecurityKey.js';
import type { CredentialsProvider, ProvidedCredentials } from '../auth/credentials.js';
import { ConfigurationError } from '../errors.js';
import { createLog, type LogOptions } from '../log/logger.js';
import { serverText } from '../internal/server-text.js';
import { readBody, ResponseTooLargeError } from '../transport/read-body.js';
import { checkProvided } from './check.js';
import { CredentialsNotFoundError } from './not-found.js';

export const METADATA_ENDPOINT = 'http://169.254.169.254';
const TOKEN_PATH = '/meta-data/latest/api/token';
const SECURITY_KEY_PATH = '/openstack/latest/securitykey';
const TOKEN_TTL_SECONDS = 6 * 60 * 60;
const NO_AGENCY = 'Please configure Cloud Service Agency first';
/** The cap of a metadata answer: a few kB suffice (issue 16.6). */
export const MAX_ANSWER_BYTES = 8 * 1024;

export interface MetadataCredentialsOptions extends LogOptions {
  /** The metadata service; http://169.254.169.254 by default. */
  endpoint?: string | undefined;
  /**
   * Per request, connection included. Short, so a machine outside the cloud (where nothing
   * answers on 169.254.169.254) is not held up: default 1 000 ms.
   */
  timeoutMs?: number | undefined;
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
}

export function metadataCredentials(options: MetadataCredentialsOptions = {}): CredentialsProvider {
  const endpoint = (options.endpoint ?? METADATA_ENDPOINT).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 1000;
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const log = createLog(options);
  let sessionToken: string | undefined;

  const request = async (path: string, init: RequestInit): Promise<{ status: number; text: string }> => {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    const started = performance.now();
    const method = init.method ?? 'GET';
    try {
      // A metadata service never redirects; anything that does is not one.
      response = await send(`${endpoint}${path}`, { ...init, redirect: 'manual', signal });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      log.info(
        `${method} ${endpoint}${path} -> failed after ${Math.round(performance.now() - started)} ms: ${serverText(String(cause), [], 64)}`,
        {
          operation: 'metadata',
          method,
          path,
        },
      );
      throw new CredentialsNotFoundError(
        `metadata service: nothing answered at ${endpoint} within ${timeoutMs} ms (${cause}); not an ECS/BMS instance, or the service is unreachable`,
      );
    }
    // The body is read within the same timeout and cut at a few kB: its largest answer (the
    // security key) is well under 1 kB, and an endless body must not grow memory.
    try {
      const { bytes } = await readBody(response, MAX_ANSWER_BYTES, false);
      // The status and time only: the answers are a session token and temporary credentials.
      const durationMs = Math.round(performance.now() - started);
      log.info(`${method} ${endpoint}${path} -> ${response.status} in ${durationMs} ms`, {
        operation: 'metadata',
        method,
        path,
        status: response.status,
        durationMs,
      });
      return { status: response.status, text: new TextDecoder().decode(bytes) };
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new ConfigurationError(
          'credentials',
          `metadata service: the answer to ${path} is larger than ${MAX_ANSWER_BYTES} bytes; not a metadata service`,
        );
      }
      if (signal.aborted) {
        throw new CredentialsNotFoundError(
          `metadata service: timed out after ${timeoutMs} ms reading the answer to ${path} at ${endpoint}`,
        );
      }
      throw new CredentialsNotFoundError(
        `metadata service: the answer to ${path} broke off (${(error as Error).name}); the service is unreachable or not one`,
      );
    }
  };

  const newSessionToken = async (required: boolean): Promise<void> => {
    const { status, text } = await request(TOKEN_PATH, {
      method: 'PUT',
      headers: { 'X-Metadata-Token-Ttl-Seconds': String(TOKEN_TTL_SECONDS) },
    });
    if (status === 200 && text) {
      sessionToken = text.trim();
      return;
    }
    if (!required && (status === 404 || status === 405 || status === 503)) {
      sessionToken = undefined;
      return;
    }
    throw new ConfigurationError(
      'credentials',
      `metadata service: the session token request failed with HTTP ${status}: ${serverText(text, [], 200)}`,
    );
  };

  const readSecurityKey = async () => {
    const headers: Record<string, string> = sessionToken ? { 'X-Metadata-Token': sessionToken } : {};
    return request(SECURITY_KEY_PATH, { method: 'GET', headers });
  };

  return async (): Promise<ProvidedCredentials> => {
    if (sessionToken === undefined) await newSessionToken(false);
    let answer = await readSecurityKey();
    if (answer.status === 401 && !answer.text.includes(NO_AGENCY)) {
      // The session token expired (or is needed now): a new one, then read once more.
      await newSessionToken(true);
      answer = await readSecurityKey();
    }
    if (answer.text.includes(NO_AGENCY)) {
      throw new CredentialsNotFoundError(
        'metadata service: this instance has no agency; bind one in the ECS console (Cloud Service Agency) to get temporary credentials',
      );
    }
    if (answer.status !== 200) {
      throw new ConfigurationError(
        'credentials',
        `metadata service: ${SECURITY_KEY_PATH} answered HTTP ${answer.status}: ${serverText(answer.text, [], 200)}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      parsed = undefined;
    }
    // Only an answer the spec vouches for; its text is never echoed (it may hold a secret).
    const isSecurityKey = showSecurityKey.responses['200'];
    const expiresAt = isSecurityKey(parsed)
      ? new Date((parsed as components['schemas']['SecurityKey']).credential.expires_at)
      : undefined;
    if (!expiresAt || Number.isNaN(expiresAt.getTime())) {
      throw new ConfigurationError(
        'credentials',
        'metadata service: the security key answer is not { credential: { access, secret, securitytoken, expires_at } } as the spec says',
      );
    }
    const { credential } = parsed as components['schemas']['SecurityKey'];
    log.debug(
      `credentials: temporary AK/SK from the metadata service at ${endpoint}, expiring at ${expiresAt.toISOString()}`,
      {
        credentialSource: 'metadata',
      },
    );
    return checkProvided(
      {
        accessKey: credential.access,
        secretKey: credential.secret,
        securityToken: credential.securitytoken,
        expiresAt,
      },
      'the metadata service',
    );
  };
}
