import type { MeasurementUnit } from '@evidencekit/core/connector';
import type { PrometheusFactName } from './prometheus-facts';

/** How one number is picked from the points of a series (a range query or a range vector). */
export const SERIES_REDUCTIONS = ['max', 'min', 'avg', 'last'] as const;

/** See {@link SERIES_REDUCTIONS}. */
export type SeriesReduction = (typeof SERIES_REDUCTIONS)[number];

/** How a fact reads the number its query returns. */
export interface FactReading {
  /**
   * `scale`: the value times `factor`, in `unit`; `age`: the value is a Unix timestamp in
   * seconds and the fact is the seconds elapsed since then.
   */
  kind: 'scale' | 'age';
  /** What the query returns, in words, for error messages and docs. */
  returns: string;
  factor: number;
  unit: MeasurementUnit;
  /** The reduction over a series' points: the worst point for this fact. */
  reduction: SeriesReduction;
}

/**
 * What each fact's query must return and how it becomes a measurement. Queries return
 * Prometheus base units (ratios, seconds, counts, Unix seconds); facts report the units their
 * thresholds are written in.
 */
export const FACT_READINGS: Readonly<Record<PrometheusFactName, FactReading>> = {
  error_rate: {
    kind: 'scale',
    returns: 'a ratio between 0 and 1',
    factor: 100,
    unit: '%',
    reduction: 'max',
  },
  p95_latency: { kind: 'scale', returns: 'seconds', factor: 1000, unit: 'ms', reduction: 'max' },
  saturation: {
    kind: 'scale',
    returns: 'a ratio between 0 and 1',
    factor: 100,
    unit: '%',
    reduction: 'max',
  },
  request_volume: {
    kind: 'scale',
    returns: 'a count of requests',
    factor: 1,
    unit: 'count',
    reduction: 'min',
  },
  last_sample_age: {
    kind: 'age',
    returns: 'the Unix timestamp (seconds) of the newest sample',
    factor: 1,
    unit: 's',
    reduction: 'last',
  },
};
