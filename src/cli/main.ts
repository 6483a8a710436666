#!/usr/bin/env node
// The `live-https-cert` executable.
import './tune-heap.js';
import { createInterface } from 'node:readline/promises';
import { processOutput } from './process-output.js';
import { runCli } from './run.js';

const stdout = processOutput(process.stdout);
const stderr = processOutput(process.stderr);

// The first Ctrl-C lets the domains in flight finish and prints the report; a second one quits.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  stderr.write('\ninterrupted: finishing the domains in flight (Ctrl-C again to quit now)\n');
  interrupt.abort();
});

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

void runCli(process.argv.slice(2), {
  env: process.env,
  stdout: stdout.write,
  stderr: stderr.write,
  stdoutDrained: stdout.drained,
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  confirm,
  interrupt: interrupt.signal,
}).then((code) => {
  process.exitCode = code;
});
