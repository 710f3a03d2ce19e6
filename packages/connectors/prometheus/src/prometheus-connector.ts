import { defineConnector } from '@evidencekit/core/connector';
import { checkPrometheus } from './check-prometheus';
import { collectPrometheusFacts } from './collect-prometheus-facts';
import { prometheusFacts } from './prometheus-facts';
import { prometheusSelectorSchema } from './prometheus-selector';
import { prometheusSettingsSchema } from './prometheus-settings';
import { VERSION } from './version';

/**
 * The Prometheus connector: error rate, p95 latency, saturation, request volume and the age of
 * the newest sample for one service in one environment, each from a named, allowlisted PromQL
 * query (instant or range) with the scope's values escaped into its label matchers.
 */
export const prometheusConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'prometheus',
    displayName: 'Prometheus',
    category: 'metrics',
    maturity: 'native-pull',
    credential: 'optional',
    scope: {
      minimum:
        'Read access to the query API (/api/v1/query, /api/v1/query_range, /api/v1/status/buildinfo), ideally through a proxy or tenant (X-Scope-OrgID) limited to the service’s series.',
      avoid:
        'Credentials that can also write (remote write, Grafana Cloud tokens with write scopes), reach the admin API (--web.enable-admin-api) or read other tenants.',
    },
    facts: prometheusFacts,
    defaultMaxAgeSeconds: 300,
    documentationUrl:
      'https://github.com/evidencekit/evidencekit/tree/main/packages/connectors/prometheus#readme',
    package: { name: '@evidencekit/prometheus', version: VERSION },
  },
  configSchema: prometheusSettingsSchema,
  selectorSchema: prometheusSelectorSchema,
  doCheck: checkPrometheus,
  doCollect: collectPrometheusFacts,
});
