import { parseArgs } from 'node:util';
import { ConfigurationError, EvidencekitError } from '@evidencekit/core';
import { type CliIo, processIo } from './cli-io';
import { createCliSession } from './cli-session';
import type { CommandArguments } from './command';
import { ALL_COMMANDS } from './commands/all-commands';
import { CliError } from './errors/cli-error';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { commandHelp, GLOBAL_OPTIONS, generalHelp } from './help-text';
import { VERSION } from './version';

/**
 * Runs the `evidencekit` command line and resolves to its exit code; never rejects and never
 * calls `process.exit`, so hosts and tests can run it in-process. Every line written passes
 * through the run's redactor.
 *
 * @param argv - The arguments after the program name, e.g. `['gate', '--json']`.
 * @param io - Streams, environment and working directory; defaults to the real process.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const session = createCliSession(io);
  const [name, ...rest] = argv;
  if (name === undefined) {
    session.err(generalHelp(ALL_COMMANDS));
    return EXIT_CODES.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    session.out(generalHelp(ALL_COMMANDS));
    return EXIT_CODES.ok;
  }
  if (name === '--version' || name === '-v') {
    session.out(`${VERSION}\n`);
    return EXIT_CODES.ok;
  }
  const command = ALL_COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    session.err(
      `evidencekit: unknown command "${name}". Commands: ${ALL_COMMANDS.map((each) => each.name).join(', ')}.\n`,
    );
    return EXIT_CODES.usage;
  }
  let parsed: CommandArguments;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, ...GLOBAL_OPTIONS },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return reportError(error, session.err, command.usage, io.env);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    session.out(commandHelp(command));
    return EXIT_CODES.ok;
  }
  // The session of the command proper, with the switches every command takes.
  const commandSession = createCliSession(io, {
    verbose: values.verbose === true,
    noColor: values['no-color'] === true,
  });
  try {
    return await command.run(commandSession, { values, positionals });
  } catch (error) {
    return reportError(error, commandSession.err, command.usage, io.env);
  }
}

function reportError(
  error: unknown,
  write: (text: string) => void,
  usage: string,
  env: Readonly<Record<string, string | undefined>>,
): ExitCode {
  if (isParseArgsError(error)) {
    write(`evidencekit: ${error.message}\nUsage: evidencekit ${usage}\n`);
    return EXIT_CODES.usage;
  }
  if (CliError.isInstance(error)) {
    write(`evidencekit: ${error.message}\n`);
    return error.exitCode;
  }
  if (ConfigurationError.isInstance(error)) {
    write(`evidencekit: configuration error: ${error.message}\n`);
    return EXIT_CODES.configuration;
  }
  const detail = error instanceof Error ? error.message : String(error);
  const kind = EvidencekitError.isInstance(error) ? error.code : 'internal error';
  write(`evidencekit: ${kind}: ${detail}\nThis is a bug in evidencekit; please report it.\n`);
  if (env.EVIDENCEKIT_DEBUG !== undefined && error instanceof Error && error.stack !== undefined) {
    write(`${error.stack}\n`);
  }
  return EXIT_CODES.internal;
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}
