// The rollback state: before every write to a domain, what was deployed on it is saved on disk, so
// `rollback` can put it back. One JSON file per domain under `$XDG_STATE_HOME/live-https-cert/`
// (else `~/.local/state/live-https-cert/`), directory 0700, files 0600, written whole through a
// rename so a crash never leaves half a file. The state is a stack: a write pushes the setting it
// replaces, a rollback restores the top entry and pops it (two rollbacks go two writes back).
// Never a private key: a CCM binding is kept by id (restorable), an uploaded PEM only by its
// fingerprint and expiry (its key never passed through this tool, so it cannot be restored).
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { readCertificateChain } from '../check/certificate-chain.js';
import { ConfigurationError } from '../errors.js';
import { type CertificateConfig, tlsCertificateOf } from './deployed.js';

/** What was deployed on a domain before a write, as much of it as can be kept without a key. */
export type SavedCertificate =
  /** Bound to a certificate kept in CCM: restorable by its id. */
  | { kind: 'scm'; certId: string; certName?: string }
  /** An uploaded PEM: its key was never ours, so only what identifies it is kept. */
  | { kind: 'uploaded'; fingerprint256: string | null; notAfter: string | null; subject: string | null }
  /** No international certificate was configured. */
  | { kind: 'none' };

export interface SavedSetting {
  domain: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /** What the write that followed was (`update`, `delete`, `rollback`...). */
  before: string;
  certificate: SavedCertificate;
  forceRedirect: boolean;
  /** An SM certificate was configured too (not restored by rollback). */
  gmCertificate: boolean;
}

export interface RollbackStateOptions {
  /** The directory; by default from the environment (see `stateDirectory`). */
  directory?: string | undefined;
  /** The environment to read `XDG_STATE_HOME` and `HOME` from; `process.env` by default. */
  env?: Record<string, string | undefined> | undefined;
  /** At most this many entries per domain are kept (the oldest go first). Default 20. */
  keep?: number | undefined;
}

export interface RollbackState {
  readonly directory: string;
  /** Saves what `deployed` holds as the setting before a write to `domain`. */
  save(domain: string, deployed: CertificateConfig, before: string, now?: Date): Promise<SavedSetting>;
  /** The most recent saved setting of a domain, undefined when none. */
  latest(domain: string): Promise<SavedSetting | undefined>;
  /** Removes the most recent saved setting (after a rollback restored it). */
  pop(domain: string): Promise<void>;
}

const DIRECTORY_NAME = 'live-https-cert';
const PRIVATE_KEY = /PRIVATE KEY/;

/** `$XDG_STATE_HOME/live-https-cert`, else `~/.local/state/live-https-cert` (XDG: a relative value is ignored). */
export function stateDirectory(env: Record<string, string | undefined> = process.env): string {
  const xdg = env['XDG_STATE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, DIRECTORY_NAME);
  const home = env['HOME'] || homedir();
  if (!home || !isAbsolute(home))
    throw new ConfigurationError(
      'stateDirectory',
      'no directory for the rollback state: set XDG_STATE_HOME (or HOME) to an absolute path',
    );
  return join(home, '.local', 'state', DIRECTORY_NAME);
}

/** What of a deployed configuration is kept (never a key: only ids, fingerprints, dates). */
export function savedSettingOf(domain: string, deployed: CertificateConfig, before: string, now: Date): SavedSetting {
  const tls = deployed.tls_certificate;
  let certificate: SavedCertificate;
  if (tls?.source === 'scm' && tls.cert_id) {
    certificate = { kind: 'scm', certId: tls.cert_id, ...(tls.cert_name ? { certName: tls.cert_name } : {}) };
  } else {
    const pem = tlsCertificateOf(deployed);
    const summary = pem ? readCertificateChain(pem).summary({ now }) : undefined;
    certificate = pem
      ? {
          kind: 'uploaded',
          fingerprint256: summary?.fingerprint256 ?? null,
          notAfter: summary?.notAfter ?? null,
          subject: summary?.subject ?? null,
        }
      : { kind: 'none' };
  }
  return {
    domain,
    savedAt: now.toISOString(),
    before,
    certificate,
    forceRedirect: deployed.force_redirect === true,
    gmCertificate: Boolean(deployed.gm_certificate),
  };
}

/** A domain's file name: the lower-case name, percent-encoded so no name leaves the directory. */
function fileOf(directory: string, domain: string): string {
  const name = encodeURIComponent(domain.trim().toLowerCase()).replace(/^\.+/, (dots) => '%2E'.repeat(dots.length));
  if (!name) throw new ConfigurationError('domain', 'a domain name is needed to keep its rollback state');
  return join(directory, `${name}.json`);
}

export function createRollbackState(options: RollbackStateOptions = {}): RollbackState {
  const directory = options.directory ?? stateDirectory(options.env);
  const keep = options.keep ?? 20;

  const read = async (domain: string): Promise<SavedSetting[]> => {
    let text: string;
    try {
      text = await readFile(fileOf(directory, domain), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = JSON.parse(text) as { entries?: SavedSetting[] };
    return Array.isArray(parsed.entries) ? parsed.entries : [];
  };

  const write = async (domain: string, entries: SavedSetting[]): Promise<void> => {
    const text = `${JSON.stringify({ domain, entries }, null, 2)}\n`;
    // The last line of defence: a key must never reach the disk, whatever a caller passed.
    if (PRIVATE_KEY.test(text)) throw new Error('refusing to write a private key into the rollback state');
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const file = fileOf(directory, domain);
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    // The mode of writeFile is masked by the umask; set it exactly.
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  };

  return {
    directory,
    async save(domain, deployed, before, now = new Date()) {
      const entry = savedSettingOf(domain, deployed, before, now);
      const entries = [...(await read(domain)), entry].slice(-keep);
      await write(domain, entries);
      return entry;
    },
    async latest(domain) {
      return (await read(domain)).at(-1);
    },
    async pop(domain) {
      const entries = await read(domain);
      if (entries.length) await write(domain, entries.slice(0, -1));
    },
  };
}
