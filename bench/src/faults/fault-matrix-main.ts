import {
  type ConformanceReport,
  checkConnectorConformance,
  type FaultScenarioOutcome,
} from '@evidencekit/testing';
import { printJsonResult } from '../shared/child-process-suite';
import type { FaultOutcome } from './fault-outcome';
import { faultTargets } from './fault-targets';

/** The kit's own verdict on one connector (`checkConnectorConformance`). */
export interface ConformanceVerdict {
  connector: string;
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

/** The fault-matrix result. */
export interface FaultMatrixResult {
  outcomes: FaultOutcome[];
  totals: {
    runs: number;
    skipped: number;
    crashes: number;
    falsePasses: number;
    leakedSecrets: number;
    nonConforming: number;
  };
  conformance: ConformanceVerdict[];
}

const round = (milliseconds: number) => Math.round(milliseconds * 10) / 10;

function ranOutcome(connector: string, outcome: FaultScenarioOutcome): FaultOutcome {
  return {
    connector,
    route: outcome.route,
    scenario: outcome.scenario,
    expected: outcome.expected,
    status: outcome.thrown === undefined ? (outcome.status ?? 'no record') : 'crashed',
    facts: outcome.facts
      .map(
        (fact) =>
          `${fact.name}=${fact.status}${fact.reason === undefined ? '' : `:${fact.reason}`}`,
      )
      .join(' '),
    wallMs: round(outcome.durationMs),
    waitedMs: outcome.waitedMs,
    crashed: outcome.thrown !== undefined,
    falsePass: outcome.falsePass,
    leakedSecret: outcome.leakedSecret,
    conforms: outcome.conforms,
  };
}

/** Scenarios the kit skipped (check names are `fault:<scenario> <route>`), and why. */
function skippedOutcomes(connector: string, report: ConformanceReport): FaultOutcome[] {
  return report.checks
    .filter((check) => check.status === 'skipped' && check.name.startsWith('fault:'))
    .map((check) => {
      const [scenario = '', ...route] = check.name.slice('fault:'.length).split(' ');
      return {
        connector,
        route: route.join(' '),
        scenario,
        expected: '-',
        status: 'skipped',
        facts: '',
        wallMs: 0,
        waitedMs: 0,
        crashed: false,
        falsePass: false,
        leakedSecret: false,
        conforms: true,
        skipped: check.message,
      };
    });
}

/** A connector without HTTP has no fault to inject: its row is the happy path's verdict. */
function happyPathOutcome(connector: string, report: ConformanceReport): FaultOutcome {
  const happy = report.checks.find((check) => check.name === 'happy-path:valid-evidence');
  const leak = report.checks.find((check) => check.name === 'secrets:no-canary-in-output');
  return {
    connector,
    route: '- (reads a local report, no HTTP)',
    scenario: 'happy path only',
    expected: 'valid evidence',
    status: happy?.status ?? 'not run',
    facts: '',
    wallMs: 0,
    waitedMs: 0,
    crashed: report.checks.some((check) => check.name === 'conformance:run'),
    falsePass: false,
    leakedSecret: leak?.status === 'failed',
    conforms: happy?.status === 'passed' && leak?.status !== 'failed',
  };
}

const outcomes: FaultOutcome[] = [];
const conformance: ConformanceVerdict[] = [];
for (const target of faultTargets()) {
  const report = await checkConnectorConformance(target);
  const connector = report.connector;
  if (target.transport === 'none') outcomes.push(happyPathOutcome(connector, report));
  outcomes.push(...report.faultOutcomes.map((outcome) => ranOutcome(connector, outcome)));
  outcomes.push(...skippedOutcomes(connector, report));
  const failed = report.checks.filter((check) => check.status === 'failed');
  conformance.push({
    connector,
    passed: report.checks.filter((check) => check.status === 'passed').length,
    failed: failed.length,
    skipped: report.checks.filter((check) => check.status === 'skipped').length,
    failures: failed.map((check) => `${check.name}: ${check.message}`.slice(0, 300)),
  });
  process.stderr.write(`faults ${connector}: ${report.faultOutcomes.length} scenarios run\n`);
}

const ran = outcomes.filter((outcome) => outcome.status !== 'skipped');
printJsonResult({
  outcomes,
  totals: {
    runs: ran.length,
    skipped: outcomes.length - ran.length,
    crashes: ran.filter((outcome) => outcome.crashed).length,
    falsePasses: ran.filter((outcome) => outcome.falsePass).length,
    leakedSecrets: ran.filter((outcome) => outcome.leakedSecret).length,
    nonConforming: ran.filter((outcome) => !outcome.conforms).length,
  },
  conformance,
} satisfies FaultMatrixResult);
