import { randomBytes } from 'node:crypto';
import {
  CANARY_ENVIRONMENT_VARIABLE,
  checkConnectorConformance,
  createProviderMockServer,
  FAULT_SCENARIOS,
  type FaultScenario,
  type PrimaryRoute,
} from '@evidencekit/testing';
import { printJsonResult } from '../shared/child-process-suite';
import type { FaultOutcome } from './fault-outcome';
import { faultTargets } from './fault-targets';
import { runFaultScenario } from './run-fault-scenario';

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

function expectedText(scenario: FaultScenario): string {
  const { expected } = scenario;
  return expected.outcome === 'unavailable'
    ? `unavailable (${expected.reasons.join('/')})`
    : expected.outcome;
}

function skipReason(
  scenario: FaultScenario,
  primary: PrimaryRoute,
  skips: Partial<Record<string, string>> | undefined,
): string | undefined {
  const declared = skips?.[scenario.id];
  if (declared !== undefined) return declared;
  if (scenario.requires === 'link-pagination' && primary.pagination !== 'link')
    return 'route not paginated by Link';
  if (scenario.requires === 'empty-body' && primary.emptyBody === undefined)
    return 'no empty result declared';
  return undefined;
}

const canaryValue = `ekcanary${randomBytes(16).toString('hex')}`;
process.env[CANARY_ENVIRONMENT_VARIABLE] = canaryValue;
const canary = { reference: `env:${CANARY_ENVIRONMENT_VARIABLE}`, value: canaryValue };
const targets = faultTargets();
const outcomes: FaultOutcome[] = [];
const server = createProviderMockServer();
await server.listen();
try {
  for (const target of targets) {
    const connector = target.name ?? 'connector';
    if (target.transport === 'none') {
      const happy = await runFaultScenario({
        target,
        primary: undefined,
        scenario: undefined,
        server,
        canary,
      });
      outcomes.push({
        connector,
        route: '- (reads a local report, no HTTP)',
        scenario: 'happy path only',
        expected: 'valid evidence',
        ...withoutRecord(happy),
        conforms: !happy.crashed && !happy.leakedSecret,
      });
      continue;
    }
    const primaries = target.primaryRoutes.map((route) =>
      typeof route === 'string' ? ({ route } as PrimaryRoute) : route,
    );
    for (const primary of primaries) {
      for (const scenario of FAULT_SCENARIOS) {
        const base = {
          connector,
          route: primary.route,
          scenario: scenario.id,
          expected: expectedText(scenario),
        };
        const skipped = skipReason(scenario, primary, target.expectations?.skipScenarios);
        if (skipped !== undefined) {
          outcomes.push({
            ...base,
            status: 'skipped',
            facts: '',
            wallMs: 0,
            waitedMs: 0,
            crashed: false,
            falsePass: false,
            leakedSecret: false,
            conforms: true,
            skipped,
          });
          continue;
        }
        const run = await runFaultScenario({ target, primary, scenario, server, canary });
        const facts = (run.record?.facts ?? []).filter((fact) =>
          (primary.facts ?? run.record?.facts.map((each) => each.name) ?? []).includes(fact.name),
        );
        const { expected } = scenario;
        const conforms =
          !run.crashed &&
          !run.falsePass &&
          !run.leakedSecret &&
          (expected.outcome !== 'unavailable' ||
            facts.every(
              (fact) =>
                fact.status === 'unavailable' &&
                fact.reason !== undefined &&
                (expected.reasons as readonly string[]).includes(fact.reason.code),
            ));
        outcomes.push({ ...base, ...withoutRecord(run), conforms });
        process.stderr.write(
          `faults ${connector} ${primary.route} ${scenario.id}: ${run.status}\n`,
        );
      }
    }
  }
} finally {
  await server.close();
}

// The kit's own verdict, for comparison (it also checks aborts, doCheck and Retry-After waits).
const conformance: ConformanceVerdict[] = [];
for (const target of targets) {
  const report = await checkConnectorConformance(target);
  const failed = report.checks.filter((check) => check.status === 'failed');
  conformance.push({
    connector: report.connector,
    passed: report.checks.filter((check) => check.status === 'passed').length,
    failed: failed.length,
    skipped: report.checks.filter((check) => check.status === 'skipped').length,
    failures: failed.map((check) => `${check.name}: ${check.message}`.slice(0, 300)),
  });
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

function withoutRecord<T extends { record: unknown }>(run: T): Omit<T, 'record'> {
  const { record: _record, ...rest } = run;
  return rest;
}
