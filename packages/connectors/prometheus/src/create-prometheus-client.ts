import type { ConnectorRuntime, HttpClient } from '@evidencekit/core/connector';
import type { PrometheusConfig } from './prometheus-settings';

/**
 * The HTTP client for one Prometheus: the credential stays a secret reference until the
 * runtime resolves it for a request, and the tenant header goes to multi-tenant backends.
 */
export function createPrometheusClient(
  runtime: ConnectorRuntime,
  config: PrometheusConfig,
): HttpClient {
  return runtime.http({
    baseUrl: config.baseUrl,
    ...(config.tenantId === undefined ? {} : { headers: { 'X-Scope-OrgID': config.tenantId } }),
    ...(config.auth === undefined ? {} : { auth: config.auth }),
  });
}
