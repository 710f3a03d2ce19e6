import { type ConnectorV1, defineConnector } from '@evidencekit/core/connector';
import { checkWebhook } from './check-webhook';
import { collectEndpointHealth } from './collect-endpoint-health';
import { collectManualEvidence } from './collect-manual-evidence';
import { ingestSignedPayload } from './ingest-signed-payload';
import { VERSION } from './version';
import { HEALTH_FACTS, webhookFactCatalog } from './webhook-facts';
import {
  type ParsedWebhookSelector,
  type WebhookSelector,
  webhookSelectorSchema,
} from './webhook-selector';
import {
  type WebhookConfig,
  type WebhookSettings,
  webhookSettingsSchema,
} from './webhook-settings';

/**
 * The type of the webhook connector. Its fact names are `string`: the catalog is the host's
 * own (`settings.facts`), known only once settings are validated.
 */
export type WebhookConnector = ConnectorV1<
  WebhookConfig,
  ParsedWebhookSelector,
  string,
  WebhookSettings,
  WebhookSelector
>;

/**
 * The webhook connector. Its catalog depends on its settings: `factsFor(config)` is the facts
 * `settings.facts` maps from signed payloads, then the health facts; `metadata.facts` is the
 * health facts alone, the part every configuration has (connector lists, docs). Configure it
 * with `createWebhook(settings)` or, in a generic host, `configureConnector(webhookConnector,
 * settings)`: both give the engine, gate policies and threshold overrides the mapped facts.
 */
export const webhookConnector: WebhookConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'webhook',
    displayName: 'Webhook and manual evidence',
    category: 'custom',
    maturity: 'evidence-ingest',
    credential: 'optional',
    scope: {
      minimum:
        'One shared HMAC signing secret per sender, used for nothing else; for the health pull, a read-only token for that one endpoint (or none).',
      avoid:
        'Unsigned payloads, secrets shared across senders or reused as API keys, and allowing private or loopback addresses the endpoint does not need.',
    },
    facts: HEALTH_FACTS,
    defaultMaxAgeSeconds: 900,
    documentationUrl:
      'https://github.com/evidencekit/evidencekit/tree/main/packages/connectors/webhook#readme',
    package: { name: '@evidencekit/webhook', version: VERSION },
  },
  configSchema: webhookSettingsSchema,
  selectorSchema: webhookSelectorSchema,
  factsFor: (config) => webhookFactCatalog(config.facts),
  doCheck: checkWebhook,
  async doCollect({ config, selector, runtime, now }) {
    if (selector.mode === 'manual') {
      const catalog = new Map(webhookFactCatalog(config.facts).map((fact) => [fact.name, fact]));
      return collectManualEvidence(selector.facts, catalog, now());
    }
    return collectEndpointHealth({ config, runtime });
  },
  doIngest: ingestSignedPayload,
});
