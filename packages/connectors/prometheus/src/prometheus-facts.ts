import type { FactDefinitionV1 } from '@evidencekit/core/connector';

/** The names of the facts the Prometheus connector can report, in catalog order. */
export const PROMETHEUS_FACT_NAMES = [
  'error_rate',
  'p95_latency',
  'saturation',
  'request_volume',
  'last_sample_age',
] as const;

/** A fact the Prometheus connector can report. */
export type PrometheusFactName = (typeof PROMETHEUS_FACT_NAMES)[number];

/**
 * The fact catalog. Every fact keeps the default empty rule (`unavailable: no_data`): an empty
 * PromQL result cannot tell "nothing happened" from "the label matchers match nothing", so an
 * empty result never counts as a measurement. Templates that mean "no series is zero" say so
 * themselves with `or vector(0)`.
 */
export const prometheusFacts = [
  {
    name: 'error_rate',
    description: 'Share of requests that failed with a 5xx status over the query window.',
    unit: '%',
    defaultThreshold: '< 1%',
    defaultAction:
      'Look at the failing endpoints and recent deploys in the error-rate dashboard; roll back if the 5xx share rose with this release.',
  },
  {
    name: 'p95_latency',
    description: '95th percentile request latency over the query window.',
    unit: 'ms',
    defaultThreshold: '< 500ms',
    defaultAction:
      'Find the slow endpoints in the latency dashboard and compare with the previous release before promoting.',
  },
  {
    name: 'saturation',
    description: 'Highest resource utilization (CPU used against its limit) across instances.',
    unit: '%',
    // CPU used against its limit can exceed 100 % between throttling periods; below 0 it cannot.
    range: { min: 0 },
    defaultThreshold: '< 80%',
    defaultAction:
      'Scale out or raise the resource limits before promoting; check whether this release uses more CPU than the last.',
  },
  {
    name: 'request_volume',
    description: 'Requests served over the query window: proof the other facts measured traffic.',
    unit: 'count',
    // `increase()` extrapolates over the window, so a request count is rarely whole.
    range: { min: 0 },
    defaultThreshold: '> 0',
    defaultAction:
      'Check that traffic reaches the service in this environment and that the query labels match its series.',
  },
  {
    name: 'last_sample_age',
    description: 'Seconds since the newest sample of the service was scraped.',
    unit: 's',
    defaultThreshold: '< 120s',
    defaultAction:
      'Check the scrape target on the Prometheus targets page: the service is not being scraped, so its metrics are stale.',
  },
] as const satisfies readonly FactDefinitionV1<PrometheusFactName>[];
