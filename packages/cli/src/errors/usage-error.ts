import { EXIT_CODES } from '../exit-codes';
import { CliError } from './cli-error';

/** A command line the CLI cannot run: unknown command or flag, missing or bad argument. */
export function usageError(message: string, cause?: unknown): CliError {
  return new CliError({ kind: 'usage', message, exitCode: EXIT_CODES.usage, cause });
}

/** An input file whose content the command cannot read (bad JSON, not evidence records). */
export function dataError(message: string, cause?: unknown): CliError {
  return new CliError({ kind: 'data', message, exitCode: EXIT_CODES.dataError, cause });
}

/** An input file that does not exist or cannot be read. */
export function noInputError(message: string, cause?: unknown): CliError {
  return new CliError({ kind: 'no_input', message, exitCode: EXIT_CODES.noInput, cause });
}

/** An output file that cannot be written. */
export function cannotCreateError(message: string, cause?: unknown): CliError {
  return new CliError({ kind: 'cannot_create', message, exitCode: EXIT_CODES.cannotCreate, cause });
}
