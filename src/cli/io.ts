import type { Timers } from '../transport/pacer.js';
import type { Env } from './settings.js';

/** What a command may touch of the process: injected, so the commands stay plain functions. */
export interface CliIo {
  env: Env;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Resolves when stdout can take more (a pipe whose reader is slow): a fleet waits for it
   * before starting more domains, so unread output does not pile up in memory.
   */
  stdoutDrained?: () => Promise<void> | undefined;
  /** Progress lines only go to a terminal. */
  stderrIsTTY: boolean;
  /** The progress line, written as is (it moves the cursor back with \r); stderr by default. */
  progress?: (text: string) => void;
  /** Whether a person can answer a question (delete of a fleet asks). */
  stdinIsTTY?: boolean;
  /** Asks a yes/no question on the terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** The clock of pacing and retry waits (tests run a fleet's minutes in moments); real time by default. */
  timers?: Timers;
  /** Aborted on Ctrl-C: no new domain is started, the report is printed, exit 130. */
  interrupt?: AbortSignal;
}
