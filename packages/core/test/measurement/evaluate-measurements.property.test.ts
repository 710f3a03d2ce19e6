import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasurementLimitsWithMillisecondNames } from '../../src/measurement/deprecated-limit-names';
import {
  evaluateMeasurements,
  type MeasurementResult,
} from '../../src/measurement/evaluate-measurements';
import {
  type MeasurementLimits,
  measurementLimitsSchema,
} from '../../src/measurement/measurement-limits-schema';
import { MEASUREMENT_PHASES } from '../../src/measurement/measurement-phase';

const STARTED_AT = new Date('2026-11-21T12:00:00.000Z');
const NOW = new Date(STARTED_AT.getTime() + 3_600_000);

const limitsArbitrary: fc.Arbitrary<MeasurementLimits> = fc
  .record({
    count: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    interval: fc.option(fc.constantFrom('30s', '1m'), { nil: undefined }),
    failureLimit: fc.integer({ min: -1, max: 3 }),
    inconclusiveLimit: fc.integer({ min: 0, max: 3 }),
    consecutiveErrorLimit: fc.integer({ min: 0, max: 5 }),
    consecutiveSuccessLimit: fc.integer({ min: 0, max: 4 }),
  })
  .map((input) => measurementLimitsSchema.safeParse(stripUndefined(input)))
  .filter((result) => result.success)
  .map((result) => result.data as MeasurementLimits);

function stripUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

const measurementsArbitrary = (phases: readonly (typeof MEASUREMENT_PHASES)[number][]) =>
  fc.array(fc.constantFrom(...phases), { maxLength: 20 }).map((list): MeasurementResult[] =>
    list.map((phase, index) => ({
      phase,
      takenAt: new Date(STARTED_AT.getTime() + (index + 1) * 1_000),
    })),
  );

describe('evaluateMeasurements: properties', () => {
  it('errors, failures and inconclusive measurements alone are never successful', () => {
    fc.assert(
      fc.property(
        measurementsArbitrary(['failed', 'inconclusive', 'error']),
        limitsArbitrary,
        fc.boolean(),
        (measurements, limits, final) => {
          const assessment = evaluateMeasurements(
            measurements,
            limits,
            { startedAt: STARTED_AT, now: NOW },
            { final },
          );
          expect(assessment.phase).not.toBe('successful');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is successful only when the documented rule holds', () => {
    fc.assert(
      fc.property(
        measurementsArbitrary(MEASUREMENT_PHASES),
        limitsArbitrary,
        fc.boolean(),
        (measurements, limits, final) => {
          const assessment = evaluateMeasurements(
            measurements,
            limits,
            { startedAt: STARTED_AT, now: NOW },
            { final },
          );
          if (assessment.phase !== 'successful') return;
          const { counts } = assessment;
          // Every later measurement, if any, was itself successful.
          expect(counts.successful).toBeGreaterThan(0);
          if (limits.failureLimit >= 0)
            expect(counts.failed).toBeLessThanOrEqual(limits.failureLimit);
          expect(counts.inconclusive).toBeLessThanOrEqual(limits.inconclusiveLimit);
          expect(counts.consecutiveErrors).toBeLessThanOrEqual(limits.consecutiveErrorLimit);
          const effectiveCount = limits.count ?? (limits.intervalMs === undefined ? 1 : undefined);
          if (limits.consecutiveSuccessLimit > 0) {
            expect(counts.consecutiveSuccesses).toBeGreaterThanOrEqual(
              limits.consecutiveSuccessLimit,
            );
          } else if (final && (effectiveCount === undefined || counts.measured < effectiveCount)) {
            expect(counts.consecutiveErrors).toBe(0);
          } else {
            expect(effectiveCount).toBeDefined();
            expect(counts.measured).toBeGreaterThanOrEqual(
              effectiveCount ?? Number.POSITIVE_INFINITY,
            );
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('an empty list is never successful', () => {
    fc.assert(
      fc.property(limitsArbitrary, fc.boolean(), (limits, final) => {
        const assessment = evaluateMeasurements(
          [],
          limits,
          { startedAt: STARTED_AT, now: NOW },
          { final },
        );
        expect(assessment.phase).toBe(final ? 'inconclusive' : 'running');
      }),
    );
  });

  it('does not depend on the order the measurements are given in', () => {
    fc.assert(
      fc.property(
        measurementsArbitrary(MEASUREMENT_PHASES),
        limitsArbitrary,
        (measurements, limits) => {
          const clock = { startedAt: STARTED_AT, now: NOW };
          expect(evaluateMeasurements([...measurements].reverse(), limits, clock)).toEqual(
            evaluateMeasurements(measurements, limits, clock),
          );
        },
      ),
    );
  });
});

describe('evaluateMeasurements: the deprecated millisecond names', () => {
  it('decides limits given as intervalMilliseconds/initialDelayMilliseconds exactly as intervalMs/initialDelayMs', () => {
    fc.assert(
      fc.property(
        limitsArbitrary,
        fc.integer({ min: 0, max: 10_000 }),
        measurementsArbitrary(MEASUREMENT_PHASES),
        fc.boolean(),
        (limits, initialDelayMs, measurements, final) => {
          const current: MeasurementLimits = { ...limits, initialDelayMs };
          const { intervalMs, initialDelayMs: _delay, ...rest } = current;
          const deprecated: MeasurementLimitsWithMillisecondNames = {
            ...rest,
            ...(intervalMs === undefined ? {} : { intervalMilliseconds: intervalMs }),
            initialDelayMilliseconds: initialDelayMs,
          };
          const clock = { startedAt: STARTED_AT, now: NOW };
          expect(evaluateMeasurements(measurements, deprecated, clock, { final })).toEqual(
            evaluateMeasurements(measurements, current, clock, { final }),
          );
        },
      ),
    );
  });
});
