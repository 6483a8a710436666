// The process's stdout and stderr as the CLI writes them. A reader that goes away
// (`... --json | head -c 10`, a closed terminal) makes writes fail with EPIPE: the output stops
// quietly there, and the command runs on to its own end and exit code (an update half applied
// must not be cut short by who reads its report).
import type { Writable } from 'node:stream';

export interface ProcessOutput {
  write(text: string): void;
  /** Resolves when the stream can take more; undefined when it can now (or is closed). */
  drained(): Promise<void> | undefined;
}

export function processOutput(stream: Writable): ProcessOutput {
  let closed = false;
  let waiting: { promise: Promise<void>; resolve: () => void } | undefined;
  const release = () => {
    waiting?.resolve();
    waiting = undefined;
  };
  stream.on('drain', release);
  // Any error of a standard stream ends its output (EPIPE, EBADF on a closed descriptor...):
  // there is nowhere left to report it, and an unhandled 'error' would crash the command.
  stream.on('error', () => {
    closed = true;
    release();
  });
  return {
    write(text) {
      if (!closed && !stream.destroyed) stream.write(text);
    },
    drained() {
      if (closed || stream.destroyed || !stream.writableNeedDrain) return undefined;
      if (!waiting) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        waiting = { promise, resolve };
      }
      return waiting.promise;
    },
  };
}
