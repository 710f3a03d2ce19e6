import type { Command } from '../command';
import {
  CONCURRENCY_RANGE,
  configOptionHelp,
  configOptions,
  integerFlag,
  reportOptionHelp,
  reportOptions,
  runOptionHelp,
  runOptions,
  scopeOptionHelp,
  scopeOptions,
  TIMEOUT_MS_RANGE,
} from '../command-flags';
import { loadCommandConfig } from '../config/load-command-config';
import { EXIT_CODES } from '../exit-codes';
import { REPORT_FORMATS, reportFormatOf } from '../output/report-format';
import { writeReport } from '../output/write-report';
import { collectRecords } from './collect-records';

/** `evidencekit collect`: configuration → evidence records. */
export const collectCommand: Command = {
  name: 'collect',
  usage: 'collect [flags]',
  summary: 'Collect evidence records for the configured services and environments',
  options: { ...configOptions, ...reportOptions, ...scopeOptions, ...runOptions },
  optionHelp: [...configOptionHelp, ...scopeOptionHelp, ...runOptionHelp, ...reportOptionHelp],
  async run(session, args) {
    const format = reportFormatOf(args, REPORT_FORMATS);
    // Flag mistakes are usage errors even when the configuration is also broken.
    integerFlag(args, 'concurrency', CONCURRENCY_RANGE);
    integerFlag(args, 'timeout-ms', TIMEOUT_MS_RANGE);
    const loaded = await loadCommandConfig(session, args, true);
    // The policy is checked too: a configuration with a broken policy is broken for every command.
    const { records } = await collectRecords(session, args, loaded, {
      ...(loaded.config.policy === undefined ? {} : { policy: loaded.config.policy }),
    });
    await writeReport(session, args, format, { records });
    return EXIT_CODES.ok;
  },
};
