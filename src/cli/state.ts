// The rollback state of a CLI run: the directory from the command's environment ($XDG_STATE_HOME,
// else HOME), and a save that, when it fails, stops that domain's write: a write whose previous
// setting could not be kept could not be rolled back.
import { ConfigurationError } from '../errors.js';
import { createRollbackState, type RollbackState } from '../ops/rollback-state.js';
import type { Env } from './settings.js';
import { UsageError } from './exit-codes.js';
import { thrownField } from './thrown.js';

export function cliRollbackState(env: Env): RollbackState {
  let state: RollbackState;
  try {
    state = createRollbackState({ env });
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
  const unsaved = (domain: string, error: unknown) =>
    new ConfigurationError(
      'stateDirectory',
      `could not save the rollback state of ${domain} in ${state.directory} (${thrownField(error, 'code') ?? thrownField(error, 'message')}): nothing was written to it; make that directory writable or set XDG_STATE_HOME`,
    );
  return {
    directory: state.directory,
    latest: (domain) => state.latest(domain),
    pop: (domain) => state.pop(domain),
    async save(domain, deployed, before, now) {
      try {
        return await state.save(domain, deployed, before, now);
      } catch (error) {
        throw unsaved(domain, error);
      }
    },
  };
}
