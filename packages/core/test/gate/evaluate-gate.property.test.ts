import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord, Fact } from '../../src/evidence/evidence-schema';
import { evaluateGate } from '../../src/gate/evaluate-gate';
import type { GatePolicy } from '../../src/gate/gate-policy-schema';
import { parseGatePolicy } from '../../src/gate/parse-gate-policy';
import { makeRecord, NOW } from './gate-fixtures';

const connectors = ['prometheus', 'argocd', 'github'] as const;
const factNames = ['error_rate', 'health', 'checks'] as const;

const factArbitrary: fc.Arbitrary<Fact> = fc.oneof(
  fc
    .record({
      name: fc.constantFrom(...factNames),
      value: fc.double({ min: 0, max: 10, noNaN: true }),
      passed: fc.boolean(),
    })
    .map(({ name, value, passed }) => ({
      name,
      status: passed ? ('passed' as const) : ('failed' as const),
      value: `${value}%`,
      measurement: { value, unit: '%' as const },
      ...(passed ? {} : { reason: { code: 'threshold_breached' as const, message: 'over' } }),
    })),
  fc
    .record({
      name: fc.constantFrom(...factNames),
      word: fc.constantFrom('Healthy', 'Degraded', 'Progressing'),
      passed: fc.boolean(),
    })
    .map(({ name, word, passed }) => ({
      name,
      status: passed ? ('passed' as const) : ('failed' as const),
      value: word,
      ...(passed
        ? {}
        : { reason: { code: 'threshold_breached' as const, message: 'not healthy' } }),
    })),
  fc
    .constantFrom(
      ['pending', 'in_progress'] as const,
      ['failed', 'provider_failed'] as const,
      ['unavailable', 'timeout'] as const,
      ['unavailable', 'config'] as const,
    )
    .chain(([status, code]) =>
      fc
        .constantFrom(...factNames)
        .map((name): Fact => ({ name, status, reason: { code, message: `${name} ${status}` } })),
    ),
);

const recordArbitrary: fc.Arbitrary<EvidenceRecord> = fc
  .record({
    connector: fc.constantFrom(...connectors),
    service: fc.constantFrom('web', 'api'),
    environment: fc.constantFrom('production', 'staging', 'dev'),
    // Few distinct times, so that duplicates observed at the same moment are common; fresh,
    // stale and future-dated.
    observedSecondsAgo: fc.constantFrom(-3_600, -30, 60, 900, 7_200),
    maxAgeSeconds: fc.constantFrom(600, 3_600),
    facts: fc.array(factArbitrary, { maxLength: 3 }),
  })
  .map((options) => makeRecord(options));

const requiredArbitrary = fc.uniqueArray(
  fc.record({
    connector: fc.constantFrom(...connectors),
    fact: fc.constantFrom(...factNames),
    threshold: fc.option(
      fc.constantFrom('< 1%', '>= 5%', '== Healthy', 'in [Healthy, Degraded]', '< 2 s'),
      {
        nil: undefined,
      },
    ),
    key: fc.boolean(),
    weight: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  }),
  { selector: (fact) => `${fact.connector}/${fact.fact}`, maxLength: 4 },
);

const policyArbitrary: fc.Arbitrary<GatePolicy> = fc
  .record({
    production: fc.option(requiredArbitrary, { nil: undefined }),
    fallback: fc.option(requiredArbitrary, { nil: undefined }),
    unavailable: fc.constantFrom('block' as const, 'ignore' as const),
    maxAgeSeconds: fc.option(fc.constantFrom(300, 1_800), { nil: undefined }),
  })
  .map(({ production, fallback, unavailable, maxAgeSeconds }) =>
    parseGatePolicy({
      environments: {
        ...(production === undefined
          ? {}
          : { production: { required: stripUndefined(production) } }),
        ...(fallback === undefined ? {} : { '*': { required: stripUndefined(fallback) } }),
      },
      unavailable,
      ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }),
    }),
  );

function stripUndefined<T extends object>(items: readonly T[]): T[] {
  return items.map(
    (item) =>
      Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as T,
  );
}

/** Reorders `items` by the sort keys drawn for them: any permutation can come out. */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index] ?? 0, index }))
    .sort((left, right) => left.key - right.key || left.index - right.index)
    .map(({ item }) => item);
}

describe('evaluateGate: properties', () => {
  it('never passes while a required fact is not passed (unavailable=block)', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { maxLength: 8 }),
        policyArbitrary,
        (records, policy) => {
          const blockingPolicy: GatePolicy = { ...policy, unavailable: 'block' };
          const result = evaluateGate(records, blockingPolicy, NOW);
          if (result.facts.some((finding) => finding.status !== 'passed')) {
            expect(result.decision).not.toBe('pass');
          }
          if (result.facts.some((finding) => finding.status === 'failed')) {
            expect(result.decision).toBe('fail');
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with unavailable=ignore, passes only when every required fact passed or was listed as ignored, and one passed', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { maxLength: 8 }),
        policyArbitrary,
        (records, policy) => {
          const result = evaluateGate(records, { ...policy, unavailable: 'ignore' }, NOW);
          if (result.decision !== 'pass') return;
          expect(result.blocking).toEqual([]);
          expect(result.facts.length).toBeGreaterThan(0);
          expect(result.facts.some((finding) => finding.status === 'passed')).toBe(true);
          for (const finding of result.facts) {
            if (finding.status === 'passed') continue;
            expect(finding.status).toBe('unavailable');
            expect(finding.reason?.code).not.toBe('config');
            expect(result.ignored).toContainEqual(finding);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same output for any order of the records', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { maxLength: 8 }),
        fc.array(fc.integer(), { minLength: 8, maxLength: 8 }),
        policyArbitrary,
        (records, keys, policy) => {
          const inOrder = evaluateGate(records, policy, NOW);
          const shuffled = evaluateGate(permute(records, keys), policy, NOW);
          expect(shuffled).toEqual(inOrder);
          expect(JSON.stringify(shuffled)).toBe(JSON.stringify(inOrder));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the score informational: between 0 and 1 and 1 only when every required fact passed', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { maxLength: 8 }),
        policyArbitrary,
        (records, policy) => {
          const result = evaluateGate(records, policy, NOW);
          if (result.score === undefined) {
            expect(result.facts).toEqual([]);
            return;
          }
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(1);
          expect(result.score === 1).toBe(
            result.facts.every((finding) => finding.status === 'passed'),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
