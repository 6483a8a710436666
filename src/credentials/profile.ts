// Credentials from the official SDKs' credentials file: HUAWEICLOUD_SDK_CREDENTIALS_FILE, else
// ~/.huaweicloud/credentials; INI, section [basic] with ak, sk, security_token, project_id and
// iam_endpoint. Node's fs comes from the runtime (no `node:` import): the module stays
// browser-safe, and in a browser it simply finds no file.
import type { CredentialsProvider, ProvidedCredentials } from '../auth/credentials.js';
import { ConfigurationError } from '../errors.js';
import { createLog, type LogOptions } from '../log/logger.js';
import { checkProvided } from './check.js';
import { IniError, iniSection, parseIni } from './ini.js';
import { CredentialsNotFoundError } from './not-found.js';
import { builtinModule, type Env, runtimeEnv } from '../internal/runtime.js';

export interface ProfileCredentialsOptions extends LogOptions {
  /** The file; by default HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials. */
  file?: string | undefined;
  env?: Env | undefined;
  /** Where the warning about a file others can read goes; console.warn by default. */
  onWarning?: ((message: string) => void) | undefined;
}

interface FsSubset {
  readFileSync(path: string): Uint8Array;
  statSync(path: string): { mode: number };
}
interface OsSubset {
  homedir(): string;
  platform(): string;
}

export function profileCredentials(options: ProfileCredentialsOptions = {}): CredentialsProvider {
  const log = createLog(options, options.env);
  return async () => {
    const found = readProfileCredentials(options);
    log.debug(
      `credentials: AK/SK${'securityToken' in found && found.securityToken ? ' with a security token' : ''} from the credentials file`,
      {
        credentialSource: 'file',
      },
    );
    return found;
  };
}

export function readProfileCredentials(options: ProfileCredentialsOptions = {}): ProvidedCredentials {
  const fs = builtinModule<FsSubset>('node:fs');
  const os = builtinModule<OsSubset>('node:os');
  const env = options.env ?? runtimeEnv();
  const chosen = options.file ?? (env['HUAWEICLOUD_SDK_CREDENTIALS_FILE'] || undefined);
  if (!fs || !os) throw new CredentialsNotFoundError('credentials file: this runtime has no file system');
  // The home directory of the environment given (the CLI's, a test's), as os.homedir() reads it
  // from the process's own: an `env` option stands for the whole environment.
  const home = (os.platform() === 'win32' ? env['USERPROFILE'] : env['HOME']) || os.homedir();
  const path = chosen ?? `${home}/.huaweicloud/credentials`;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The default file is optional; a file someone named must be there.
    if (code === 'ENOENT' && chosen === undefined)
      throw new CredentialsNotFoundError(`credentials file: ${path} does not exist`);
    throw new ConfigurationError(
      'credentials',
      `cannot read the credentials file ${path}: ${code ?? (error as Error).message}`,
    );
  }
  if (os.platform() !== 'win32') {
    const mode = fs.statSync(path).mode & 0o777;
    if (mode & 0o077) {
      (options.onWarning ?? ((message) => console.warn(message)))(
        `warning: the credentials file ${path} is accessible by group or others (mode ${mode.toString(8).padStart(4, '0')}); keys should be private: chmod 600 ${path}`,
      );
    }
  }
  const sections = readSections(bytes, path);
  const basic = sections.basic;
  if (!basic) throw new ConfigurationError('credentials', `the credentials file ${path} has no [basic] section`);
  const accessKey = basic.get('ak') || undefined;
  const secretKey = basic.get('sk') || undefined;
  if (!accessKey || !secretKey)
    throw new ConfigurationError('credentials', `the [basic] section of ${path} needs both ak and sk`);
  return checkProvided(
    {
      accessKey,
      secretKey,
      securityToken: basic.get('security_token') || undefined,
      projectId: basic.get('project_id') || undefined,
      iamEndpoint: basic.get('iam_endpoint') || undefined,
      // The account id of global services (CCM): the SDK's GlobalCredentials read it from [global].
      domainId: sections.global?.get('domain_id') || basic.get('domain_id') || undefined,
    },
    `the credentials file ${path}`,
  );
}

/** The [basic] and [global] items as the official SDK's configparser gives them, or why it would refuse the file. */
function readSections(
  bytes: Uint8Array,
  path: string,
): { basic: Map<string, string> | undefined; global: Map<string, string> | undefined } {
  let text: string;
  try {
    // configparser reads UTF-8 strictly; a byte order mark is accepted here (see docs/credentials.md).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigurationError('credentials', `the credentials file ${path} is not UTF-8 text: save it as UTF-8`);
  }
  try {
    const parsed = parseIni(text.replace(/^\uFEFF/, ''));
    return { basic: iniSection(parsed, 'basic'), global: iniSection(parsed, 'global') };
  } catch (error) {
    if (!(error instanceof IniError)) throw error;
    throw new ConfigurationError(
      'credentials',
      `the credentials file ${path}: ${error.message} (the official SDK refuses it too); fix the file`,
    );
  }
}
