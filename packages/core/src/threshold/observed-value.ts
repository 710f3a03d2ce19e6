import type { MeasurementUnit } from '../evidence/measurement-unit';

/**
 * What a threshold is evaluated against: a measured number with its unit, or a word such as a
 * status. Matches the `measured` and `word` kinds of `FactObservationV1`, so an observation can
 * be passed as it is.
 */
export type ObservedValue =
  | { kind: 'measured'; value: number; unit: MeasurementUnit }
  | { kind: 'word'; value: string };
