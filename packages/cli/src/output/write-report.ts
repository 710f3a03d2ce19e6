import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliSession } from '../cli-session';
import type { CommandArguments } from '../command';
import { stringFlag } from '../command-flags';
import { cannotCreateError } from '../errors/usage-error';
import { type ReportContent, renderReport } from './render-report';
import type { ReportFormat } from './report-format';

/**
 * Renders a report and writes it to `--output <file>` (then says so on stderr) or to stdout.
 * Text goes to a file without colours.
 */
export async function writeReport(
  session: CliSession,
  args: CommandArguments,
  format: ReportFormat,
  content: ReportContent,
): Promise<void> {
  const output = stringFlag(args, 'output');
  const toTerminal = output === undefined && session.io.stdout.isTTY === true;
  const text = await renderReport(format, content, session, args, toTerminal);
  if (output === undefined) {
    session.out(text);
    return;
  }
  const file = path.resolve(session.io.cwd, output);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, session.redactor.redactText(text), 'utf8');
  } catch (error) {
    throw cannotCreateError(`Cannot write --output ${output}: ${(error as Error).message}`, error);
  }
  session.err(`wrote ${format} report to ${output}\n`);
}
