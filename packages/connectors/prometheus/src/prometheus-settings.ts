import { queryTemplatesSchema, secretReferenceSchema } from '@evidencekit/core/connector';
import { z } from 'zod';

const bearerAuthSchema = z
  .strictObject({
    type: z.literal('bearer'),
    token: secretReferenceSchema().describe('Reference to the token, e.g. "env:PROMETHEUS_TOKEN".'),
  })
  .describe('`Authorization: Bearer <token>`, as a fronting proxy or managed service expects.');

const basicAuthSchema = z
  .strictObject({
    type: z.literal('basic'),
    username: z.string().min(1).describe('The user name (Grafana Cloud: the instance id).'),
    password: secretReferenceSchema().describe(
      'Reference to the password or API token, e.g. "env:PROMETHEUS_PASSWORD".',
    ),
  })
  .describe('HTTP basic auth, as Prometheus `--web.config.file` and Grafana Cloud use it.');

/** The zod schema of the Prometheus connector's settings. Credentials are secret references. */
export const prometheusSettingsSchema = z
  .strictObject({
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .describe(
        'Where the Prometheus HTTP API is mounted, without `/api/v1`: e.g. "http://prometheus:9090", or "https://mimir.example.com/prometheus" for a compatible backend.',
      ),
    auth: z
      .discriminatedUnion('type', [bearerAuthSchema, basicAuthSchema])
      .optional()
      .describe('The credential; leave out for a Prometheus without authentication.'),
    tenantId: z
      .string()
      .min(1)
      .optional()
      .describe('Tenant sent as `X-Scope-OrgID` to Mimir, Cortex or Thanos.'),
    queries: queryTemplatesSchema
      .superRefine((templates, context) => {
        for (const [name, template] of Object.entries(templates)) {
          if (template.language !== 'promql') {
            context.addIssue({
              code: 'custom',
              path: [name, 'language'],
              message: `expected "promql", received "${template.language}"`,
            });
          }
        }
      })
      .optional()
      .describe(
        'Named PromQL templates, merged over the defaults (one per fact, named like the fact). A target picks queries by name and never supplies query text.',
      ),
    uiUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('Where the Prometheus web UI is, for links in evidence. Default: `baseUrl`.'),
  })
  .describe('Settings of the Prometheus connector.');

/** The Prometheus connector's settings, as a host writes them. */
export type PrometheusSettings = z.input<typeof prometheusSettingsSchema>;

/** The settings after validation. */
export type PrometheusConfig = z.output<typeof prometheusSettingsSchema>;
