import type { QueryTemplate } from '@evidencekit/core/connector';
import type { PrometheusFactName } from './prometheus-facts';

// Every selector carries the scope as label matchers, so a query can only read the target's
// own service and environment; the allowlist escapes both values inside their quotes.
const scope = 'service="{{service}}",environment="{{environment}}"';

/**
 * The query each fact runs unless settings replace it: one named, allowlisted PromQL template
 * per fact, written for the common `http_requests_total` / `http_request_duration_seconds`
 * instrumentation with `service` and `environment` labels. Replace them in
 * `settings.queries` when your labels or metric names differ.
 */
export const DEFAULT_QUERY_TEMPLATES: Readonly<Record<PrometheusFactName, QueryTemplate>> = {
  // `or vector(0)`: no 5xx series at all means no errors, not no data; the denominator
  // still makes the result empty (no_data) when the service has no request series.
  error_rate: {
    language: 'promql',
    template: `(sum(rate(http_requests_total{${scope},code=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{${scope}}[5m]))`,
  },
  p95_latency: {
    language: 'promql',
    template: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${scope}}[5m])))`,
  },
  saturation: {
    language: 'promql',
    template: `max(sum by (pod) (rate(container_cpu_usage_seconds_total{${scope}}[5m])) / sum by (pod) (kube_pod_container_resource_limits{${scope},resource="cpu"}))`,
  },
  request_volume: {
    language: 'promql',
    template: `sum(increase(http_requests_total{${scope}}[5m]))`,
  },
  last_sample_age: {
    language: 'promql',
    template: `max(timestamp(http_requests_total{${scope}}))`,
  },
};
