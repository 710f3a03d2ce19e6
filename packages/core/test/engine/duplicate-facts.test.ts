import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactObservationV1 } from '../../src/contract/v1/fact-observation-v1';
import { collectEvidence } from '../../src/engine/collect-evidence';
import { statusSeverity } from '../../src/evidence/fact-status';
import { evaluateGate } from '../../src/gate/evaluate-gate';
import { parseGatePolicy } from '../../src/gate/parse-gate-policy';
import { scope, scriptedConnector, testRuntimeHost } from './fixtures';

type Observation = FactObservationV1<'error_rate' | 'rollout_status' | 'open_incidents'>;

// One observation per outcome the engine can give `error_rate` (threshold `< 1%`).
const errorRateObservations: Record<'passed' | 'failed' | 'pending' | 'unavailable', Observation> =
  {
    passed: { name: 'error_rate', kind: 'measured', value: 0.001, unit: 'ratio' },
    failed: { name: 'error_rate', kind: 'measured', value: 0.2, unit: 'ratio' },
    pending: {
      name: 'error_rate',
      kind: 'pending',
      reason: 'in_progress',
      message: 'still running',
    },
    unavailable: {
      name: 'error_rate',
      kind: 'unavailable',
      reason: 'timeout',
      message: 'timed out',
    },
  };

async function recordOf(observations: Observation[]) {
  const host = testRuntimeHost();
  const connector = scriptedConnector(async () => ({ facts: observations }));
  const records = await Array.fromAsync(
    collectEvidence({
      runtime: host,
      targets: [{ connector, scope: scope('checkout'), selector: { service: 'checkout' } }],
    }),
  );
  await host.close();
  const record = records[0];
  if (record === undefined) throw new Error('no record');
  return record;
}

describe('duplicate facts in one record: the worst wins', () => {
  it('a later failed manual fact is not outvoted by an earlier passed one (and the reverse)', async () => {
    for (const order of [
      [errorRateObservations.passed, errorRateObservations.failed],
      [errorRateObservations.failed, errorRateObservations.passed],
    ]) {
      const record = await recordOf(order);
      const facts = record.facts.filter((fact) => fact.name === 'error_rate');
      expect(facts).toHaveLength(1);
      expect(facts[0]?.status).toBe('failed');
      expect(record.warnings?.some((warning) => warning.code === 'duplicate_fact')).toBe(true);
      const policy = parseGatePolicy({
        environments: { '*': { required: [{ connector: 'scripted', fact: 'error_rate' }] } },
      });
      expect(evaluateGate([record], policy, new Date()).decision).toBe('fail');
    }
  });

  it('property: for any order of any outcomes, the kept fact is the worst reported', async () => {
    const outcome = fc.constantFrom('passed', 'failed', 'pending', 'unavailable' as const);
    await fc.assert(
      fc.asyncProperty(fc.array(outcome, { minLength: 1, maxLength: 6 }), async (outcomes) => {
        const record = await recordOf(outcomes.map((name) => errorRateObservations[name]));
        const worst = outcomes.reduce((left, right) =>
          statusSeverity(right) > statusSeverity(left) ? right : left,
        );
        const facts = record.facts.filter((fact) => fact.name === 'error_rate');
        expect(facts).toHaveLength(1);
        expect(facts[0]?.status).toBe(worst);
        const duplicates = record.warnings?.filter((warning) => warning.code === 'duplicate_fact');
        expect(duplicates?.length ?? 0).toBe(outcomes.length - 1);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the order in which facts were first reported', async () => {
    const record = await recordOf([
      { name: 'rollout_status', kind: 'word', value: 'Complete' },
      errorRateObservations.passed,
      { name: 'rollout_status', kind: 'word', value: 'Progressing' },
    ]);
    expect(record.facts.map((fact) => [fact.name, fact.status])).toEqual([
      ['rollout_status', 'failed'],
      ['error_rate', 'passed'],
    ]);
  });
});
