import { type ConfiguredConnector, configureConnector } from '@evidencekit/core/connector';
import { prometheusConnector } from './prometheus-connector';
import type { PrometheusSettings } from './prometheus-settings';

/**
 * Binds the Prometheus connector to settings. Settings are validated when the engine first
 * uses them; the credential stays a secret reference until a request needs it.
 *
 * @example
 * ```ts
 * const prometheus = createPrometheus({
 *   baseUrl: 'https://prometheus.example.com',
 *   auth: { type: 'bearer', token: 'env:PROMETHEUS_TOKEN' },
 * });
 * ```
 */
export function createPrometheus(
  settings: PrometheusSettings,
  options: { instanceId?: string } = {},
): ConfiguredConnector<typeof prometheusConnector> {
  return configureConnector(prometheusConnector, settings, options);
}
