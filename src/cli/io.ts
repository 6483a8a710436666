import type { Env } from './settings.js';

/** What a command may touch of the process: injected, so the commands stay plain functions. */
export interface CliIo {
  env: Env;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines only go to a terminal. */
  stderrIsTTY: boolean;
}
