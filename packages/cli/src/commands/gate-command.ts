import {
  ConfigurationError,
  type EvidenceRecord,
  evaluateGate,
  type GateOutcome,
  type GatePolicy,
} from '@evidencekit/core';
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
  stringFlag,
  TIMEOUT_MS_RANGE,
} from '../command-flags';
import { configureConnectors } from '../config/configure-connectors';
import { loadCommandConfig } from '../config/load-command-config';
import { preflightConfiguration } from '../config/preflight-configuration';
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
    integerFlag(args, 'concurrency', CONCURRENCY_RANGE);
    integerFlag(args, 'timeout-ms', TIMEOUT_MS_RANGE);
    const loaded = await loadCommandConfig(session, args, true);
    const policyInput = loaded.config.policy;
    if (policyInput === undefined) {
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
    let records: EvidenceRecord[];
    let policy: GatePolicy | undefined;
    if (recordsFile === undefined) {
      ({ records, policy } = await collectRecords(session, args, loaded, { policy: policyInput }));
    } else {
      records = (await readRecordsFile(session.io.cwd, recordsFile)).records;
      const runtime = session.createRuntime();
      try {
        policy = await preflightConfiguration(loaded, {
          targets: [],
          connectors: await configureConnectors(loaded),
          runtime,
          policy: policyInput,
        });
      } finally {
        await runtime.close();
      }
    }
    const decision = evaluateGate(records, policy ?? policyInput, new Date());
    await writeReport(session, args, format, { records, decision });
    return exitCodeOfOutcome[decision.decision];
  },
};
