// Credentials from the official SDKs' credentials file: HUAWEICLOUD_SDK_CREDENTIALS_FILE, else
// ~/.huaweicloud/credentials; INI, section [basic] with ak, sk, security_token, project_id and
// iam_endpoint. Node's fs comes from the runtime (no `node:` import): the module stays
// browser-safe, and in a browser it simply finds no file.
import type { CredentialsProvider, ProvidedCredentials } from '../auth/credentials.js';
import { ConfigurationError } from '../errors.js';
import { createLog, type LogOptions } from '../log/logger.js';
import { checkProvided } from './check.js';
import { CredentialsNotFoundError } from './not-found.js';
import { builtinModule, type Env, runtimeEnv } from './runtime.js';

export interface ProfileCredentialsOptions extends LogOptions {
  /** The file; by default HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials. */
  file?: string | undefined;
  env?: Env | undefined;
  /** Where the warning about a file others can read goes; console.warn by default. */
  onWarning?: ((message: string) => void) | undefined;
}

interface FsSubset {
  readFileSync(path: string, encoding: 'utf8'): string;
  statSync(path: string): { mode: number };
}
interface OsSubset {
  homedir(): string;
  platform(): string;
}

/** configparser's reading of the file: `[section]`, `key = value` or `key: value`, `#`/`;` comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      const name = section[1]!.trim();
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const separator = line.search(/[=:]/);
    if (!current || separator <= 0) continue;
    current.set(line.slice(0, separator).trim().toLowerCase(), line.slice(separator + 1).trim());
  }
  return sections;
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
  const home = os.homedir();
  const path = chosen ?? `${home}/.huaweicloud/credentials`;
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
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
  const basic = parseIni(text).get('basic');
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
    },
    `the credentials file ${path}`,
  );
}
