import type { Command } from '../command';
import { EXIT_CODES } from '../exit-codes';

/**
 * `evidencekit demo`: a placeholder until the demo (a local provider sandbox and a sample
 * configuration) lands in this one file.
 */
export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo',
  summary: 'Run a self-contained demo against a local sandbox (not yet available)',
  options: {},
  optionHelp: [],
  async run(session) {
    session.err('evidencekit demo: not yet available.\n');
    return EXIT_CODES.failed;
  },
};
