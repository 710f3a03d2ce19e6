/**
 * The result of evaluating a threshold. `incomparable` means the threshold cannot judge the
 * value (a unit of another dimension, a word against a number, NaN); it is never a pass, and
 * `message` says why, for the fact's reason detail.
 */
export type ThresholdOutcome =
  | { outcome: 'met' }
  | { outcome: 'not_met' }
  | { outcome: 'incomparable'; message: string };
