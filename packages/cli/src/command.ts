import type { ParseArgsOptionsConfig } from 'node:util';
import type { CliSession } from './cli-session';
import type { ExitCode } from './exit-codes';

/** The parsed command line of one command. */
export interface CommandArguments {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** One `evidencekit <command>`. Each lives in its own file under `commands/`. */
export interface Command {
  name: string;
  /** `evidencekit <name> <usage>`. */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** The command's own flags (global flags are added by the CLI). */
  options: ParseArgsOptionsConfig;
  /** Help text of the command's own flags, one line each. */
  optionHelp: readonly string[];
  run(session: CliSession, args: CommandArguments): Promise<ExitCode>;
}
