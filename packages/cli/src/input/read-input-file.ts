import path from 'node:path';
import { InputLimitError } from '../errors/input-limit-error';
import { dataError, noInputError } from '../errors/usage-error';
import type { InputLimits } from './input-limits';
import { parseJsonText } from './parse-json-text';
import { readBoundedText } from './read-bounded-file';

/**
 * Reads a data file named on the command line (resolved from the session's working
 * directory) within `limits`: the one reader behind `ingest`, `--records`, `explain` and
 * `verify`.
 *
 * @throws CliError (no input, 66) when it cannot be read; (data, 65) past a limit.
 */
export async function readInputText(
  cwd: string,
  file: string,
  limits: Pick<InputLimits, 'maxBytes'>,
): Promise<string> {
  try {
    return await readBoundedText(path.resolve(cwd, file), {
      maxBytes: limits.maxBytes,
      label: file,
    });
  } catch (error) {
    if (InputLimitError.isInstance(error)) throw dataError(error.message, error);
    throw noInputError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
      error,
    );
  }
}

/**
 * Reads and parses a JSON data file within `limits`.
 *
 * @throws CliError (no input, 66) when it cannot be read; (data, 65) past a limit or when it
 *   is not JSON (named by line and column, never quoted).
 */
export async function readInputJson(
  cwd: string,
  file: string,
  limits: InputLimits,
): Promise<unknown> {
  const text = await readInputText(cwd, file, limits);
  const parsed = parseJsonOrThrow(text, file, limits);
  if (!parsed.ok) throw dataError(parsed.message);
  return parsed.value;
}

/** {@link parseJsonText} with a depth error as a data error (65). */
export function parseJsonOrThrow(
  text: string,
  label: string,
  limits: InputLimits,
): ReturnType<typeof parseJsonText> {
  try {
    return parseJsonText(text, { maxDepth: limits.maxDepth, label });
  } catch (error) {
    if (InputLimitError.isInstance(error)) throw dataError(error.message, error);
    throw error;
  }
}
