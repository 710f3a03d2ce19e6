import type { MeasurementUnit } from '../evidence/measurement-unit';
import type { ComparisonOperator, WordOperator } from './comparison-operator';

/**
 * A parsed threshold: the structured form of texts such as `< 1%`, `== Healthy` or
 * `in [Synced, Healthy]`, for hosts that build thresholds in code. Validate one built by hand
 * with `toThreshold` or `thresholdSchema`.
 */
export type Threshold =
  /** A measured number compared with `value` in `unit`; a bare number has unit `count`. */
  | { type: 'comparison'; operator: ComparisonOperator; value: number; unit: MeasurementUnit }
  /** An observed word that must (`==`) or must not (`!=`) be `word`, ignoring case. */
  | { type: 'word'; operator: WordOperator; word: string }
  /** An observed word that must be one of `words` (or, when `negated`, none of them). */
  | { type: 'membership'; negated: boolean; words: readonly string[] };
