import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThresholdSyntaxError } from '../../src/errors/threshold-syntax-error';
import type { MeasurementUnit } from '../../src/evidence/measurement-unit';
import {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
} from '../../src/threshold/comparison-operator';
import { evaluateThreshold } from '../../src/threshold/evaluate-threshold';
import type { ObservedValue } from '../../src/threshold/observed-value';
import { MAX_THRESHOLD_TEXT_LENGTH, parseThreshold } from '../../src/threshold/parse-threshold';
import { printThreshold } from '../../src/threshold/print-threshold';
import type { Threshold } from '../../src/threshold/threshold';
import { thresholdSchema } from '../../src/threshold/threshold-schema';
import { bareWordArbitrary, thresholdArbitrary, tokenTextArbitrary } from './threshold-arbitraries';

describe('parseThreshold on arbitrary text', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    }),
    fc.string({
      minLength: MAX_THRESHOLD_TEXT_LENGTH - 5,
      maxLength: MAX_THRESHOLD_TEXT_LENGTH + 5,
    }),
    tokenTextArbitrary,
  );

  it('either returns a threshold that the schema accepts and that prints canonically, or throws ThresholdSyntaxError', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let threshold: Threshold;
        try {
          threshold = parseThreshold(text);
        } catch (error) {
          expect(ThresholdSyntaxError.isInstance(error)).toBe(true);
          const syntaxError = error as ThresholdSyntaxError;
          expect(syntaxError.position).toBeGreaterThanOrEqual(0);
          expect(syntaxError.position).toBeLessThanOrEqual(
            Math.min(text.length, MAX_THRESHOLD_TEXT_LENGTH),
          );
          expect(syntaxError.expected).not.toBe('');
          return;
        }
        expect(thresholdSchema.safeParse(threshold).success).toBe(true);
        expect(parseThreshold(printThreshold(threshold))).toEqual(threshold);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('printThreshold and parseThreshold', () => {
  const printableThreshold = thresholdArbitrary.filter(
    (threshold) => printThreshold(threshold).length <= MAX_THRESHOLD_TEXT_LENGTH,
  );

  it('read back every printed threshold as an equal tree, every number bit for bit', () => {
    fc.assert(
      fc.property(printableThreshold, (threshold) => {
        const text = printThreshold(threshold);
        const parsed = parseThreshold(text);
        expect(parsed).toEqual(threshold);
        if (parsed.type === 'comparison' && threshold.type === 'comparison') {
          expect(Object.is(parsed.value, threshold.value)).toBe(true);
        }
        expect(thresholdSchema.safeParse(threshold).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('schema refuses exactly the trees that print beyond the length limit', () => {
    fc.assert(
      fc.property(thresholdArbitrary, (threshold) => {
        const fits = printThreshold(threshold).length <= MAX_THRESHOLD_TEXT_LENGTH;
        expect(thresholdSchema.safeParse(threshold).success).toBe(fits);
      }),
    );
  });
});

// An independent reference: both sides to base units (seconds, bytes, fraction, count) with
// plain arithmetic, using factors written out here rather than taken from the code under test.
const REFERENCE_UNITS: Record<MeasurementUnit, { dimension: string; toBase: number }> = {
  '%': { dimension: 'fraction', toBase: 1 / 100 },
  ratio: { dimension: 'fraction', toBase: 1 },
  ms: { dimension: 'time', toBase: 1 / 1000 },
  s: { dimension: 'time', toBase: 1 },
  m: { dimension: 'time', toBase: 60 },
  h: { dimension: 'time', toBase: 60 * 60 },
  d: { dimension: 'time', toBase: 24 * 60 * 60 },
  count: { dimension: 'count', toBase: 1 },
  B: { dimension: 'size', toBase: 1 },
  kB: { dimension: 'size', toBase: 1000 },
  MB: { dimension: 'size', toBase: 1000 ** 2 },
  GB: { dimension: 'size', toBase: 1000 ** 3 },
  KiB: { dimension: 'size', toBase: 1024 },
  MiB: { dimension: 'size', toBase: 1024 ** 2 },
  GiB: { dimension: 'size', toBase: 1024 ** 3 },
};
const REFERENCE_UNIT_NAMES = Object.keys(REFERENCE_UNITS) as MeasurementUnit[];

function referenceOutcome(
  operator: ComparisonOperator,
  threshold: { value: number; unit: MeasurementUnit },
  observed: { value: number; unit: MeasurementUnit },
): 'met' | 'not_met' | 'incomparable' {
  const thresholdUnit = REFERENCE_UNITS[threshold.unit];
  const observedUnit = REFERENCE_UNITS[observed.unit];
  if (thresholdUnit.dimension !== observedUnit.dimension) return 'incomparable';
  if (!Number.isFinite(observed.value)) return 'incomparable';
  const limit = threshold.value * thresholdUnit.toBase;
  const value = observed.value * observedUnit.toBase;
  const equal = Math.abs(value - limit) <= 1e-9 * Math.max(Math.abs(value), Math.abs(limit));
  const met = {
    '<': value < limit && !equal,
    '<=': value < limit || equal,
    '>': value > limit && !equal,
    '>=': value > limit || equal,
    '==': equal,
    '!=': !equal,
  }[operator];
  return met ? 'met' : 'not_met';
}

describe('evaluateThreshold agrees with a reference', () => {
  // Magnitudes stay where base-unit arithmetic neither overflows nor underflows.
  const magnitude = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc
      .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 4 }))
      .map(([digits, scale]) => digits / 10 ** scale),
    fc
      .double({ min: -1e9, max: 1e9, noNaN: true })
      .filter((value) => value === 0 || Math.abs(value) > 1e-200),
  );
  const unit = fc.constantFrom(...REFERENCE_UNIT_NAMES);
  const operator = fc.constantFrom(...COMPARISON_OPERATORS);

  it('on independent numbers and units', () => {
    fc.assert(
      fc.property(
        operator,
        magnitude,
        unit,
        magnitude,
        unit,
        (op, limit, limitUnit, value, valueUnit) => {
          const threshold: Threshold = {
            type: 'comparison',
            operator: op,
            value: limit,
            unit: limitUnit,
          };
          const observed: ObservedValue = { kind: 'measured', value, unit: valueUnit };
          expect(evaluateThreshold(threshold, observed).outcome).toBe(
            referenceOutcome(op, { value: limit, unit: limitUnit }, { value, unit: valueUnit }),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on the same quantity in another unit, nudged well inside or well outside the tolerance', () => {
    const sameDimensionUnits = fc
      .tuple(unit, unit)
      .filter(
        ([left, right]) => REFERENCE_UNITS[left].dimension === REFERENCE_UNITS[right].dimension,
      );
    const nudge = fc.constantFrom(0, 1e-12, -1e-12, 1e-6, -1e-6, 0.5, -0.5);
    fc.assert(
      fc.property(
        operator,
        magnitude,
        sameDimensionUnits,
        nudge,
        (op, limit, [limitUnit, valueUnit], relative) => {
          const exact =
            (limit * REFERENCE_UNITS[limitUnit].toBase) / REFERENCE_UNITS[valueUnit].toBase;
          const value = exact * (1 + relative);
          const threshold: Threshold = {
            type: 'comparison',
            operator: op,
            value: limit,
            unit: limitUnit,
          };
          const outcome = evaluateThreshold(threshold, {
            kind: 'measured',
            value,
            unit: valueUnit,
          }).outcome;
          expect(outcome).toBe(
            referenceOutcome(op, { value: limit, unit: limitUnit }, { value, unit: valueUnit }),
          );
          if (relative === 0 || Math.abs(relative) === 1e-12) {
            // The same quantity always counts as equal, whatever the units.
            expect(outcome).toBe(['<=', '>=', '=='].includes(op) ? 'met' : 'not_met');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never meets a threshold with a non-finite observed value', () => {
    fc.assert(
      fc.property(
        operator,
        magnitude,
        unit,
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        (op, limit, limitUnit, value) => {
          const threshold: Threshold = {
            type: 'comparison',
            operator: op,
            value: limit,
            unit: limitUnit,
          };
          expect(
            evaluateThreshold(threshold, { kind: 'measured', value, unit: limitUnit }).outcome,
          ).toBe('incomparable');
        },
      ),
    );
  });

  it('compares words as the reference does: equal when equal after lowering case', () => {
    const casedWord = fc
      .tuple(bareWordArbitrary, fc.boolean())
      .map(([text, upper]) => (upper ? text.toUpperCase() : text));
    fc.assert(
      fc.property(
        fc.array(bareWordArbitrary, { minLength: 1, maxLength: 4 }),
        casedWord,
        fc.boolean(),
        (words, observed, negated) => {
          const listed = words.some((word) => word.toLowerCase() === observed.toLowerCase());
          const membership: Threshold = { type: 'membership', negated, words };
          expect(evaluateThreshold(membership, { kind: 'word', value: observed }).outcome).toBe(
            listed !== negated ? 'met' : 'not_met',
          );
          const [first] = words;
          if (first === undefined) return;
          const equality: Threshold = {
            type: 'word',
            operator: negated ? '!=' : '==',
            word: first,
          };
          const equal = first.toLowerCase() === observed.toLowerCase();
          expect(evaluateThreshold(equality, { kind: 'word', value: observed }).outcome).toBe(
            equal !== negated ? 'met' : 'not_met',
          );
        },
      ),
    );
  });
});
