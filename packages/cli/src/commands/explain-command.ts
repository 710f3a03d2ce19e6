import type { Command } from '../command';
import { requirePositionals } from '../command-flags';
import { EXIT_CODES } from '../exit-codes';
import { renderTextReport } from '../output/render-text-report';
import { readRecordsFile } from './read-records-file';

/** `evidencekit explain <file>`: records (and a decision) for people. */
export const explainCommand: Command = {
  name: 'explain',
  usage: 'explain <records-file>',
  summary: 'Explain evidence records (from collect --json or gate --json) for people',
  options: {},
  optionHelp: [],
  async run(session, args) {
    const [file = ''] = requirePositionals(args, ['records-file'], explainCommand.usage);
    const { records, decision } = await readRecordsFile(session.io.cwd, file);
    const toTerminal = session.io.stdout.isTTY === true;
    session.out(
      renderTextReport(
        { records: session.redactor.redactValue(records), decision },
        { table: toTerminal, style: session.style(session.io.stdout) },
      ),
    );
    return EXIT_CODES.ok;
  },
};
