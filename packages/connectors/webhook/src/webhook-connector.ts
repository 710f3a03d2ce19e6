import {
  type ConnectorV1,
  defineConnector,
  type FactDefinitionV1,
  type HostResolver,
} from '@evidencekit/core';
import { checkWebhook } from './check-webhook';
import { collectEndpointHealth } from './collect-endpoint-health';
import { collectManualEvidence } from './collect-manual-evidence';
import { ingestSignedPayload } from './ingest-signed-payload';
import { VERSION } from './version';
import { HEALTH_FACTS } from './webhook-facts';
import {
  type WebhookSelector,
  type WebhookSelectorValue,
  webhookSelectorSchema,
} from './webhook-selector';
import {
  type WebhookConfig,
  type WebhookSettings,
  webhookSettingsSchema,
} from './webhook-settings';

/** The type of every webhook connector, whatever its configured catalog. */
export type WebhookConnector = ConnectorV1<
  WebhookConfig,
  WebhookSelectorValue,
  string,
  WebhookSettings,
  WebhookSelector
>;

/** Options of `buildWebhookConnector`. */
export interface BuildWebhookConnectorOptions {
  /** Resolves health-endpoint hostnames for the destination policy. Default: the system's. */
  resolveHost?: HostResolver;
}

/**
 * Declares a webhook connector whose catalog is `facts`. The catalog of this connector is
 * host-defined (`settings.facts`), and the v1 contract keeps the catalog in static metadata,
 * so `createWebhook(settings)` declares one connector per configuration with its own catalog.
 */
export function buildWebhookConnector(
  facts: readonly FactDefinitionV1[],
  options: BuildWebhookConnectorOptions = {},
): WebhookConnector {
  const resolver = options.resolveHost === undefined ? {} : { resolveHost: options.resolveHost };
  const catalog = new Map(facts.map((fact) => [fact.name, fact]));
  return defineConnector({
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
      facts,
      defaultMaxAgeSeconds: 900,
      documentationUrl:
        'https://github.com/evidencekit/evidencekit/tree/main/packages/connectors/webhook#readme',
      package: { name: '@evidencekit/webhook', version: VERSION },
    },
    configSchema: webhookSettingsSchema,
    selectorSchema: webhookSelectorSchema,
    doCheck: (call) => checkWebhook({ ...call, ...resolver }),
    async doCollect({ config, selector, runtime, now }) {
      if (selector.mode === 'manual') return collectManualEvidence(selector.facts, catalog, now());
      return collectEndpointHealth({ config, runtime, ...resolver });
    },
    doIngest: (call) => ingestSignedPayload(call, new Set(catalog.keys())),
  });
}

/**
 * The webhook connector with the catalog every configuration shares: the health facts. Use it
 * for metadata (connector lists, docs) and for health pulls; to ingest payloads or record
 * manual evidence for mapped facts, use `createWebhook(settings)`, whose catalog includes them.
 */
export const webhookConnector: WebhookConnector = buildWebhookConnector(HEALTH_FACTS);
