import { createInterface } from 'node:readline/promises';
import type { ConnectorField } from './connector-fields';
import { CreateConnectorError } from './create-connector-error';

/** Asks one question and returns the typed line; rejects when the user closes the prompt. */
export type AskQuestion = (question: string) => Promise<string>;

/** How often a field is asked again after an invalid answer before the scaffold gives up. */
const MAXIMUM_ATTEMPTS = 5;

/**
 * A prompt on a terminal with node:readline/promises: one line per question, no prompt
 * library (a handful of questions with defaults need nothing more). Ctrl-C and Ctrl-D reject
 * with a `cancelled` error.
 */
export function createTerminalPrompt(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): { ask: AskQuestion; close(): void } {
  const readline = createInterface({ input, output, terminal: true });
  const closed = new AbortController();
  readline.on('close', () => closed.abort());
  readline.on('SIGINT', () => readline.close());
  return {
    async ask(question) {
      try {
        return await readline.question(question, { signal: closed.signal });
      } catch (error) {
        throw new CreateConnectorError({
          code: 'cancelled',
          message: 'cancelled; nothing was written.',
          cause: error,
        });
      }
    },
    close: () => readline.close(),
  };
}

/**
 * Asks for one field, showing its choices and default; an empty line takes the default. An
 * invalid answer prints why and asks again, a few times.
 */
export async function askField(
  field: ConnectorField,
  defaultValue: string | undefined,
  ask: AskQuestion,
  report: (message: string) => void,
): Promise<string> {
  const choices = field.choices === undefined ? '' : ` [${field.choices.join(', ')}]`;
  const shownDefault = defaultValue === undefined ? '' : ` (${defaultValue})`;
  let lastError: unknown;
  for (let attempt = 0; attempt < MAXIMUM_ATTEMPTS; attempt += 1) {
    const line = (await ask(`${field.question}${choices}${shownDefault}: `)).trim();
    try {
      return field.validate(line === '' && defaultValue !== undefined ? defaultValue : line);
    } catch (error) {
      if (!CreateConnectorError.isInstance(error)) throw error;
      report(error.message);
      lastError = error;
    }
  }
  throw lastError;
}
