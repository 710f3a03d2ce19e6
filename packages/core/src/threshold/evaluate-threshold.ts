import {
  convertMeasurement,
  dimensionOf,
  isMeasurementUnit,
  type MeasurementUnit,
} from '../evidence/measurement-unit';
import type { ComparisonOperator } from './comparison-operator';
import { nearlyEqual } from './nearly-equal';
import type { ObservedValue } from './observed-value';
import { printThreshold } from './print-threshold';
import type { Threshold } from './threshold';
import type { ThresholdOutcome } from './threshold-outcome';

const MET: ThresholdOutcome = Object.freeze({ outcome: 'met' });
const NOT_MET: ThresholdOutcome = Object.freeze({ outcome: 'not_met' });

/**
 * Decides whether an observed value meets a threshold.
 *
 * - Numbers: the threshold's value is converted into the observed unit (same dimension only:
 *   `%` with `ratio`, `ms` with `h`, `kB` with `GiB`; `count` only with `count`) and compared
 *   with a relative tolerance of `THRESHOLD_RELATIVE_TOLERANCE`, so `== 1%` meets `0.01 ratio`.
 * - Words: compared without regard to case, because providers spell the same status
 *   differently (`SUCCESS` in one API, `success` in another) and no status vocabulary tells two
 *   states apart by case alone, so folding case cannot turn a real failure into a pass.
 * - Everything else is `incomparable`, never met: a unit of another dimension, a word against
 *   a numeric threshold or the reverse, and observed NaN or ±Infinity.
 */
export function evaluateThreshold(threshold: Threshold, observed: ObservedValue): ThresholdOutcome {
  switch (threshold.type) {
    case 'comparison':
      return evaluateComparison(threshold, observed);
    case 'word':
    case 'membership': {
      if (observed.kind !== 'word' || typeof observed.value !== 'string') {
        return incomparable(
          `the threshold "${printThreshold(threshold)}" compares words, but the observed value is ${describeObserved(observed)}`,
        );
      }
      const observedWord = observed.value.toLowerCase();
      if (threshold.type === 'word') {
        const equal = threshold.word.toLowerCase() === observedWord;
        return decide(threshold.operator === '==' ? equal : !equal);
      }
      const listed = threshold.words.some((word) => word.toLowerCase() === observedWord);
      return decide(threshold.negated ? !listed : listed);
    }
  }
}

function evaluateComparison(
  threshold: Extract<Threshold, { type: 'comparison' }>,
  observed: ObservedValue,
): ThresholdOutcome {
  const thresholdText = printThreshold(threshold);
  if (observed.kind !== 'measured' || typeof observed.value !== 'number') {
    return incomparable(
      `the threshold "${thresholdText}" compares numbers, but the observed value is ${describeObserved(observed)}`,
    );
  }
  // Structured thresholds and observations can come from plain JavaScript; a bad unit or a
  // non-finite number must end as incomparable, not as a TypeError or a lucky comparison.
  if (!isMeasurementUnit(observed.unit)) {
    return incomparable(`the observed value has an unknown unit "${String(observed.unit)}"`);
  }
  if (!isMeasurementUnit(threshold.unit) || !Number.isFinite(threshold.value)) {
    return incomparable(`the threshold "${thresholdText}" is not a valid numeric threshold`);
  }
  if (!Number.isFinite(observed.value)) {
    return incomparable(`the observed value ${describeObserved(observed)} is not a finite number`);
  }
  const limit = convertMeasurement(threshold.value, threshold.unit, observed.unit);
  if (limit === undefined) {
    return incomparable(
      `the threshold "${thresholdText}" is in ${describeUnit(threshold.unit)} and the observed value ${describeObserved(observed)} is in ${describeUnit(observed.unit)}; they cannot be compared`,
    );
  }
  return decide(compare(observed.value, threshold.operator, limit));
}

function compare(value: number, operator: ComparisonOperator, limit: number): boolean {
  const equal = nearlyEqual(value, limit);
  switch (operator) {
    case '<':
      return value < limit && !equal;
    case '<=':
      return value < limit || equal;
    case '>':
      return value > limit && !equal;
    case '>=':
      return value > limit || equal;
    case '==':
      return equal;
    case '!=':
      return !equal;
  }
}

function decide(met: boolean): ThresholdOutcome {
  return met ? MET : NOT_MET;
}

function incomparable(message: string): ThresholdOutcome {
  return { outcome: 'incomparable', message };
}

function describeUnit(unit: MeasurementUnit): string {
  return `${unit} (${dimensionOf(unit)})`;
}

function describeObserved(observed: ObservedValue): string {
  if (observed.kind === 'word') {
    return typeof observed.value === 'string'
      ? `the word ${JSON.stringify(observed.value)}`
      : `a word of type ${typeof observed.value}`;
  }
  if (observed.kind === 'measured')
    return `the number ${String(observed.value)} ${String(observed.unit)}`;
  return `of unknown kind ${JSON.stringify(String((observed as { kind: unknown }).kind))}`;
}
