import { createQueryAllowlist, type QueryAllowlist } from '@evidencekit/core/connector';
import { DEFAULT_QUERY_TEMPLATES } from './default-query-templates';
import type { PrometheusConfig } from './prometheus-settings';

/**
 * The queries the connector may run: the default template of each fact, replaced or extended
 * by `settings.queries`. Built per call, so changed settings apply at once.
 *
 * @throws ConfigurationError naming a template that is not safe to render.
 */
export function createPrometheusAllowlist(config: PrometheusConfig): QueryAllowlist {
  return createQueryAllowlist(
    { ...DEFAULT_QUERY_TEMPLATES, ...config.queries },
    { path: 'queries' },
  );
}
