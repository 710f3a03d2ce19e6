import type { Command } from './command';
import { VERSION } from './version';

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
    'Run `evidencekit <command> --help` for its flags.',
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
    ...(command.optionHelp.length > 0
      ? ['', 'Flags:', ...command.optionHelp.map((line) => `  ${line}`)]
      : []),
    '  -h, --help                   show this help',
    '',
  ].join('\n');
}
