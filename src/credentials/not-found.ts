import { ConfigurationError } from '../errors.js';

/** A provider found nothing to give (no variables, no file, no metadata service): the chain tries the next. */
export class CredentialsNotFoundError extends ConfigurationError {
  override name = 'CredentialsNotFoundError';
  constructor(message: string) {
    super('credentials', message);
  }
}
