// The threshold language: parser, printer, evaluator and structured form.

export type { ComparisonOperator } from './comparison-operator';
export { evaluateThreshold } from './evaluate-threshold';
export type { ObservedValue } from './observed-value';
export { parseThreshold } from './parse-threshold';
export { printThreshold } from './print-threshold';
export type { Threshold } from './threshold';
export type { ThresholdOutcome } from './threshold-outcome';
export { thresholdSchema } from './threshold-schema';
export { toThreshold } from './to-threshold';
