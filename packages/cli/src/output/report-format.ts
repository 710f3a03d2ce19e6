import type { CommandArguments } from '../command';
import { booleanFlag, stringFlag } from '../command-flags';
import { usageError } from '../errors/usage-error';

/** Every report format. `text` is a table on a terminal and plain lines otherwise. */
export const REPORT_FORMATS = ['text', 'json', 'markdown', 'junit', 'in-toto'] as const;
/** One report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The format a command line asks for: `--json`, else `--format`, else `text`.
 *
 * @param allowed - The formats the command supports.
 * @throws CliError (usage) for an unknown or unsupported format, or `--json` with another
 *   `--format`.
 */
export function reportFormatOf<Format extends ReportFormat>(
  args: CommandArguments,
  allowed: readonly Format[],
): Format {
  const format = stringFlag(args, 'format');
  if (booleanFlag(args, 'json')) {
    if (format !== undefined && format !== 'json') {
      throw usageError(`--json and --format ${format} ask for two formats; pass one.`);
    }
    return checked('json', allowed);
  }
  return checked(format ?? 'text', allowed);
}

function checked<Format extends ReportFormat>(format: string, allowed: readonly Format[]): Format {
  if ((allowed as readonly string[]).includes(format)) return format as Format;
  throw usageError(`--format expects one of ${allowed.join(', ')}, received "${format}".`);
}
