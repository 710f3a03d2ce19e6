import { type ConfiguredConnector, configureConnector, type HostResolver } from '@evidencekit/core';
import { buildWebhookConnector, type WebhookConnector } from './webhook-connector';
import { webhookFactCatalog } from './webhook-facts';
import { type WebhookSettings, webhookSettingsSchema } from './webhook-settings';

/** Options of `createWebhook` beyond its settings. */
export interface CreateWebhookOptions {
  /**
   * Resolves hostnames for the health pull's destination policy (SSRF guard): the runtime
   * vets the URL with it and pins each new connection to an address it returned. Default:
   * the operating system's resolver (`dns.lookup` with `all: true`). Tests and hosts with
   * their own DNS pass one.
   */
  resolveHost?: HostResolver;
  /** Names this configured instance in progress events and errors. Default `webhook`. */
  instanceId?: string;
}

/**
 * Creates a webhook connector for one configuration: signed JSON payloads mapped to facts by
 * JSON Pointer, manual operator evidence, and an optional health pull behind an SSRF guard.
 *
 * The fact catalog comes from `settings.facts` (plus `endpoint_status` and
 * `endpoint_latency`), so evidence and gates can name the host's own facts. Settings are
 * validated when the engine first uses them; the secret is read only when a payload arrives.
 *
 * @example
 * ```ts
 * const webhook = createWebhook({
 *   secret: 'env:EVIDENCEKIT_WEBHOOK_SECRET',
 *   facts: {
 *     smoke_tests_failed: { pointer: '/tests/failed', unit: 'count', threshold: '== 0',
 *       action: 'Open the smoke test report and fix the failing tests.' },
 *   },
 * });
 * const record = await ingestEvidence(webhook, {
 *   scope,
 *   payload: { rawBody: await request.text(), headers: Object.fromEntries(request.headers) },
 * });
 * ```
 */
export function createWebhook(
  settings: WebhookSettings,
  options: CreateWebhookOptions = {},
): ConfiguredConnector<WebhookConnector> {
  // Only a valid mapping can define facts; invalid settings are reported by the engine when it
  // validates them, with every bad field named.
  const parsedFacts = webhookSettingsSchema.shape.facts.safeParse(settings.facts);
  const connector = buildWebhookConnector(
    webhookFactCatalog(parsedFacts.success ? parsedFacts.data : {}),
    options.resolveHost === undefined ? {} : { resolveHost: options.resolveHost },
  );
  return configureConnector(
    connector,
    settings,
    options.instanceId === undefined ? {} : { instanceId: options.instanceId },
  );
}
