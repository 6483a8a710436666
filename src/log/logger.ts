// What the library tells a logger, and how: one record shape (a message plus fields), five
// levels, any object with debug/info/warn/error (console, pino, winston). A logger is never
// awaited and its failures are swallowed: a broken or slow logger cannot break or delay a call.
import { ConfigurationError } from '../errors.js';
import { type Env, runtimeEnv } from '../internal/runtime.js';

export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** Sets the level when the `logLevel` option is not given. */
export const LOG_LEVEL_VARIABLE = 'LIVE_HTTPS_CERT_LOG';
export const DEFAULT_LOG_LEVEL: LogLevel = 'warn';

/** The fields of a record; every value is already sanitised (no secret, no control character). */
export interface LogFields {
  /** The operation (`UpdateDomainHttpsCert`, `KeystoneListProjects`, ...). */
  operation?: string | undefined;
  /** This attempt's number, from 1, and how many the call may make. */
  attempt?: number | undefined;
  attempts?: number | undefined;
  method?: string | undefined;
  /** The path and query, without the host. */
  path?: string | undefined;
  status?: number | undefined;
  durationMs?: number | undefined;
  requestId?: string | undefined;
  [field: string]: unknown;
}

// `never` parameters: console's, pino's and winston's methods (any parameters) all fit.
type LogMethod = (...args: never[]) => unknown;

/** Any object with these four methods: `console`, a pino or winston logger, your own. */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

export interface LogOptions {
  /** `off`, `error`, `warn` (default), `info` (one line per attempt) or `debug` (what was sent and received, secrets hidden). */
  logLevel?: LogLevel | undefined;
  /** Where records go; `console` by default. Called as `logger.info(message, fields)` (pino: `logger.info(fields, message)`). */
  logger?: Logger | undefined;
}

export type Emitting = Exclude<LogLevel, 'off'>;

/** The library's side of a logger: levels checked once, failures contained. */
export interface Log {
  readonly level: LogLevel;
  enabled(level: Emitting): boolean;
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

function checkLevel(value: unknown, option: string): LogLevel {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (typeof text === 'string' && (LOG_LEVELS as readonly string[]).includes(text)) return text as LogLevel;
  throw new ConfigurationError(
    option,
    `${option} must be one of ${LOG_LEVELS.join(', ')}, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 32)) : typeof value}`,
  );
}

function checkLogger(value: unknown): Logger {
  const logger = value as Partial<Record<Emitting, unknown>> | null;
  const missing = (['debug', 'info', 'warn', 'error'] as const).filter((m) => typeof logger?.[m] !== 'function');
  if (typeof value !== 'object' || value === null || missing.length > 0) {
    throw new ConfigurationError(
      'logger',
      `logger must be an object with debug, info, warn and error methods (console, pino, winston)${value && typeof value === 'object' ? `; it has no ${missing.join(', ')}` : ''}`,
    );
  }
  return value as Logger;
}

/** pino takes the fields first (`logger.info(fields, message)`); with the message first it drops them. */
function isPino(logger: Logger): boolean {
  const candidate = logger as unknown as { levelVal?: unknown; bindings?: unknown };
  return typeof candidate.levelVal === 'number' && typeof candidate.bindings === 'function';
}

/** The level of the options, else LIVE_HTTPS_CERT_LOG, else warn. */
export function logLevelOf(options: LogOptions, env: Env = runtimeEnv()): LogLevel {
  if (options.logLevel !== undefined) return checkLevel(options.logLevel, 'logLevel');
  const fromEnv = env[LOG_LEVEL_VARIABLE];
  return fromEnv === undefined || fromEnv.trim() === '' ? DEFAULT_LOG_LEVEL : checkLevel(fromEnv, LOG_LEVEL_VARIABLE);
}

const SILENT: Log = {
  level: 'off',
  enabled: () => false,
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** The Log of a client, a provider or the CLI; checks the options now (a clear error before anything is sent). */
export function createLog(options: LogOptions = {}, env?: Env): Log {
  const level = logLevelOf(options, env);
  const logger = options.logger === undefined ? console : checkLogger(options.logger);
  if (level === 'off') return SILENT;
  const fieldsFirst = isPino(logger);
  const emit = (at: Emitting, message: string, fields: LogFields | undefined) => {
    if (RANK[at] > RANK[level]) return;
    // A copy: whatever the logger does with the record cannot reach the library's state.
    const record = { ...fields };
    try {
      const method = logger[at] as (...args: unknown[]) => unknown;
      const result = fieldsFirst ? method.call(logger, record, message) : method.call(logger, message, record);
      // Never awaited; a rejection is not left unhandled.
      if (result && typeof (result as PromiseLike<unknown>).then === 'function')
        (result as PromiseLike<unknown>).then(undefined, () => undefined);
    } catch {
      // A logger's failure is the logger's: the call goes on.
    }
  };
  return {
    level,
    enabled: (at) => RANK[at] <= RANK[level],
    error: (message, fields) => emit('error', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    info: (message, fields) => emit('info', message, fields),
    debug: (message, fields) => emit('debug', message, fields),
  };
}

/** A Log given as is, or made from log options (providers and the IAM lookup share the client's). */
export function logFrom(options: LogOptions & { log?: Log | undefined }): Log {
  return options.log ?? createLog(options);
}
