// The command line: picks the command, turns every error into a message and an exit code.
import { COMMANDS, commandHelp, isCommandName, MAIN_HELP, parseCommand, type CommandName, type Flags } from './args.js';
import { EXIT, exitCodeOf, UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';
import { errorJson, errorLine, resultDocument, safeLines, sanitizeJson } from './output.js';
import { VERSION } from '../version.js';

/** A command: its flags, parsed once and typed from its own table, and the io. */
type Runner<N extends CommandName> = (values: Flags<N>, io: CliIo) => number | Promise<number>;

// Each command is loaded when it runs: `--help` and `check` do not pay for the client, the
// transport and the validators that the API commands need (cold start of the executable).
const RUNNERS: { [N in CommandName]: () => Promise<Runner<N>> } = {
  update: async () => (await import('./commands/update.js')).update,
  'deploy-hook': async () => (await import('./commands/deploy-hook.js')).deployHook,
  status: async () => (await import('./commands/status.js')).status,
  domains: async () => (await import('./commands/domains.js')).domains,
  verify: async () => (await import('./commands/verify.js')).verify,
  show: async () => (await import('./commands/show.js')).show,
  delete: async () => (await import('./commands/delete.js')).remove,
  rollback: async () => (await import('./commands/rollback.js')).rollback,
  check: async () => (await import('./commands/check.js')).check,
};

/** One command: its flags parsed once into its own typed flags, then its module loaded and run. */
async function runCommand<N extends CommandName>(command: N, rest: string[], io: CliIo): Promise<number> {
  const values = parseCommand(command, rest);
  if (values.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  const run = await RUNNERS[command]();
  return await run(values, io);
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Whatever a command prints goes through this: no control character or escape sequence reaches
  // the terminal, whoever wrote the text (the JSON results are cleaned field by field as well).
  const io: CliIo = {
    ...rawIo,
    stdout: (t) => rawIo.stdout(safeLines(t)),
    stderr: (t) => rawIo.stderr(safeLines(t)),
    progress: rawIo.progress ?? rawIo.stderr,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout(`live-https-cert ${VERSION}\n`);
    return EXIT.ok;
  }
  const json = rest.includes('--json');
  try {
    if (!isCommandName(name))
      throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return await runCommand(name, rest, io);
  } catch (error) {
    if (json)
      io.stdout(
        `${JSON.stringify({ ...resultDocument([], []), ok: false, error: sanitizeJson(errorJson(error), []) }, null, 2)}\n`,
      );
    io.stderr(`error: ${errorLine(error)}\n`);
    return exitCodeOf(error);
  }
}
