import { ConfigurationError, evaluateGate, type GateOutcome } from '@evidencekit/core';
import type { Command } from '../command';
import {
  configOptionHelp,
  configOptions,
  positiveIntegerFlag,
  reportOptionHelp,
  reportOptions,
  runOptionHelp,
  runOptions,
  scopeOptionHelp,
  scopeOptions,
  stringFlag,
} from '../command-flags';
import { loadCommandConfig } from '../config/load-command-config';
import { EXIT_CODES, type ExitCode } from '../exit-codes';
import { REPORT_FORMATS, reportFormatOf } from '../output/report-format';
import { writeReport } from '../output/write-report';
import { collectRecords } from './collect-records';
import { readRecordsFile } from './read-records-file';

const exitCodeOfOutcome: Record<GateOutcome, ExitCode> = {
  pass: EXIT_CODES.ok,
  fail: EXIT_CODES.failed,
  hold: EXIT_CODES.hold,
};

/** `evidencekit gate`: evidence + policy → a release decision, as the exit code. */
export const gateCommand: Command = {
  name: 'gate',
  usage: 'gate [--records <file>] [flags]',
  summary: 'Decide whether a release may proceed: exit 0 pass, 1 fail, 2 hold',
  options: {
    ...configOptions,
    ...reportOptions,
    ...scopeOptions,
    ...runOptions,
    records: { type: 'string' },
  },
  optionHelp: [
    '    --records <file>         evaluate records from a file (collect --json) instead of collecting',
    ...configOptionHelp,
    ...scopeOptionHelp,
    ...runOptionHelp,
    ...reportOptionHelp,
  ],
  async run(session, args) {
    const format = reportFormatOf(args, REPORT_FORMATS);
    // Flag mistakes are usage errors even when the configuration is also broken.
    positiveIntegerFlag(args, 'concurrency');
    positiveIntegerFlag(args, 'timeout-ms');
    const loaded = await loadCommandConfig(session, args, true);
    const policy = loaded.config.policy;
    if (policy === undefined) {
      throw new ConfigurationError({
        issues: [
          {
            path: 'policy',
            expected: 'a gate policy: { environments: { "*": { required: [...] } } }',
          },
        ],
      });
    }
    const recordsFile = stringFlag(args, 'records');
    const records =
      recordsFile === undefined
        ? await collectRecords(session, args, loaded, { progress: true })
        : (await readRecordsFile(session.io.cwd, recordsFile)).records;
    const decision = evaluateGate(records, policy, new Date());
    await writeReport(session, args, format, { records, decision });
    return exitCodeOfOutcome[decision.decision];
  },
};
