// The command line: picks the command, turns every error into a message and an exit code.
import { COMMANDS, commandHelp, MAIN_HELP, parseCommand, type CommandName } from './args.js';
import { check } from './commands/check.js';
import { remove } from './commands/delete.js';
import { deployHook } from './commands/deploy-hook.js';
import { show } from './commands/show.js';
import { status } from './commands/status.js';
import { rollback } from './commands/rollback.js';
import { update } from './commands/update.js';
import { verify } from './commands/verify.js';
import { EXIT, exitCodeOf, UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';
import { errorJson, errorLine, resultDocument, safeLines, sanitizeJson } from './output.js';
import { VERSION } from '../version.js';

const RUNNERS: Record<CommandName, (values: ReturnType<typeof parseCommand>, io: CliIo) => number | Promise<number>> = {
  update,
  'deploy-hook': deployHook,
  status,
  verify,
  show,
  delete: remove,
  rollback,
  check,
};

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
    if (!(name in COMMANDS))
      throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    const command = name as CommandName;
    const values = parseCommand(command, rest);
    if (values['help']) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await RUNNERS[command](values, io);
  } catch (error) {
    if (json)
      io.stdout(
        `${JSON.stringify({ ...resultDocument([], []), ok: false, error: sanitizeJson(errorJson(error), []) }, null, 2)}\n`,
      );
    io.stderr(`error: ${errorLine(error)}\n`);
    return exitCodeOf(error);
  }
}
