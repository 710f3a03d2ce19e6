import { parseArgs } from 'node:util';
import { closestName } from './closest-name';
import type { RawAnswers } from './connector-fields';
import { CreateConnectorError } from './create-connector-error';

/** What the command line asks for. */
export interface CreateArguments {
  /** Answers given as flags (or the id as the one positional argument). */
  answers: RawAnswers;
  /** `--dir`: where to write the package. */
  directory: string | undefined;
  /** `--yes`: take the defaults for every answer not given, ask nothing. */
  yes: boolean;
  /** `--workspace`: write a connector of the Evidencekit repository (the current folder). */
  workspace: boolean;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  id: { type: 'string' },
  name: { type: 'string' },
  category: { type: 'string' },
  maturity: { type: 'string' },
  credential: { type: 'string' },
  package: { type: 'string' },
  dir: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  workspace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Parses `create-connector [id] [--flags]`. Unknown flags, a flag without its value and a
 * second positional are usage errors naming the flag, with the closest known flag as a hint.
 */
export function parseCreateArguments(argv: readonly string[]): CreateArguments {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new CreateConnectorError({
      code: 'invalid_input',
      message: `expected at most one argument (the connector id), got ${positionals.length}: ${positionals.map((item) => `"${item.slice(0, 40)}"`).join(', ')}.`,
    });
  }
  const [positionalId] = positionals;
  if (positionalId !== undefined && values.id !== undefined && positionalId !== values.id) {
    throw new CreateConnectorError({
      code: 'invalid_input',
      field: 'id',
      message: `the id is given twice, as "${positionalId.slice(0, 40)}" and --id "${values.id.slice(0, 40)}"; give one.`,
    });
  }
  const answers: RawAnswers = {};
  const id = values.id ?? positionalId;
  if (id !== undefined) answers.id = id;
  for (const field of ['name', 'category', 'maturity', 'credential', 'package'] as const) {
    const value = values[field];
    if (value !== undefined) answers[field] = value;
  }
  return {
    answers,
    directory: values.dir,
    yes: values.yes === true,
    workspace: values.workspace === true,
    help: values.help === true,
    version: values.version === true,
  };
}

function usageError(error: unknown): CreateConnectorError {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message)?.[1];
  if (unknown !== undefined) {
    const flag = unknown.replace(/^-+/, '').split('=')[0] ?? '';
    const suggestion = closestName(flag, Object.keys(OPTIONS));
    return new CreateConnectorError({
      code: 'invalid_input',
      message: `unknown flag ${unknown.slice(0, 40)}${suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`}; run with --help for the flags.`,
      cause: error,
    });
  }
  return new CreateConnectorError({
    code: 'invalid_input',
    message: `${message.replace(/\.$/, '')}; run with --help for the flags.`,
    cause: error,
  });
}
