// The CLI's logs: --verbose (info: one line per attempt with its request id) and --debug (what
// was sent and received, secrets hidden), else LIVE_HTTPS_CERT_LOG, else warn; always to stderr,
// so stdout keeps only the result (JSON with --json).
import { LOG_LEVEL_VARIABLE, LOG_LEVELS, type LogLevel, type LogOptions } from '../log/logger.js';
import type { ConnectionFlags } from './args.js';
import { UsageError } from './exit-codes.js';

type Env = Readonly<Record<string, string | undefined>>;

function levelFrom(values: Pick<ConnectionFlags, 'verbose' | 'debug'>, env: Env): LogLevel {
  if (values['debug'] === true) return 'debug';
  if (values['verbose'] === true) return 'info';
  const raw = env[LOG_LEVEL_VARIABLE]?.trim().toLowerCase();
  if (!raw) return 'warn';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (level !== undefined) return level;
  throw new UsageError(
    `${LOG_LEVEL_VARIABLE}=${JSON.stringify(raw.slice(0, 32))}: give one of ${LOG_LEVELS.join(', ')} (or use --verbose / --debug)`,
  );
}

/** The log options of a command: its level, and a logger that writes `level: message` lines to stderr. */
export function cliLogging(
  values: Pick<ConnectionFlags, 'verbose' | 'debug'>,
  env: Env,
  stderr: (text: string) => void,
): LogOptions {
  const line =
    (level: string) =>
    (message: string): void =>
      stderr(`${level}: ${message}\n`);
  return {
    logLevel: levelFrom(values, env),
    logger: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
  };
}
