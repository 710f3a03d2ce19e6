import type { ParseArgsOptionsConfig } from 'node:util';
import type { Command } from './command';
import { VERSION } from './version';

/** Flags every command takes. */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

/** Help lines of {@link GLOBAL_OPTIONS}. */
const globalOptionHelp = [
  '    --verbose                runtime events (requests, retries, waits) on stderr, redacted',
  '    --no-color               no colours (as does a non-empty NO_COLOR)',
  '-h, --help                   show this help',
] as const;

/** The overview `evidencekit --help` prints. */
export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `evidencekit ${VERSION}: release evidence from your tooling, and a release gate`,
    '',
    'Usage: evidencekit <command> [flags]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `evidencekit <command> --help` for its flags. Every command also takes',
    '--verbose (runtime events on stderr) and --no-color.',
    'Exit codes: 0 ok/pass, 1 fail, 2 hold, 64 usage, 65 bad input data, 66 missing input,',
    '            70 internal error, 73 cannot write output, 78 configuration error.',
    '',
  ].join('\n');
}

/** The help of one command. */
export function commandHelp(command: Command): string {
  return [
    `${command.summary}.`,
    '',
    `Usage: evidencekit ${command.usage}`,
    '',
    'Flags:',
    ...[...command.optionHelp, ...globalOptionHelp].map((line) => `  ${line}`),
    '',
  ].join('\n');
}
