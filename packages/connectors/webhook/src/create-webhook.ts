import {
  type ConfiguredConnector,
  type ConnectorRuntime,
  configureConnector,
  type HostResolver,
} from '@evidencekit/core/connector';
import { type WebhookConnector, webhookConnector } from './webhook-connector';
import type { WebhookSettings } from './webhook-settings';

/** Options of `createWebhook` beyond its settings. */
export interface CreateWebhookOptions {
  /** Names this configured instance in progress events and errors. Default `webhook`. */
  instanceId?: string;
  /**
   * Resolves the health endpoint's hostname for the destination policy.
   *
   * @deprecated Pass the resolver to the runtime instead, `createRuntime({ resolveHost })`:
   *   it applies to every destination policy of the run, and the configured connector stays the
   *   exported `webhookConnector`. Until it is removed, this option still works.
   */
  resolveHost?: HostResolver;
}

/**
 * Configures the webhook connector: signed JSON payloads mapped to facts by JSON Pointer,
 * manual operator evidence, and an optional health pull behind an SSRF guard. It is
 * `configureConnector(webhookConnector, settings)`.
 *
 * The catalog comes from `settings.facts` (plus `endpoint_status` and `endpoint_latency`),
 * through the connector's `factsFor`, so evidence, gate policies and threshold overrides can
 * name the host's own facts. Settings are validated when the engine first uses them; the secret
 * is read only when a payload arrives.
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
  const connector =
    options.resolveHost === undefined
      ? webhookConnector
      : withHostResolver(webhookConnector, options.resolveHost);
  return configureConnector(
    connector,
    settings,
    options.instanceId === undefined ? {} : { instanceId: options.instanceId },
  );
}

/**
 * The deprecated `resolveHost` option: the connector's runtime gives every destination policy
 * this resolver, as `createRuntime({ resolveHost })` does for a whole run.
 */
function withHostResolver(
  connector: WebhookConnector,
  resolveHost: HostResolver,
): WebhookConnector {
  const resolving = (runtime: ConnectorRuntime): ConnectorRuntime => ({
    ...runtime,
    http: (clientOptions) =>
      runtime.http(
        clientOptions.destinationPolicy === undefined
          ? clientOptions
          : {
              ...clientOptions,
              destinationPolicy: { resolveHost, ...clientOptions.destinationPolicy },
            },
      ),
  });
  const { doIngest } = connector;
  const resolvingConnector: WebhookConnector = {
    ...connector,
    doCheck: (call) => connector.doCheck({ ...call, runtime: resolving(call.runtime) }),
    doCollect: (call) => connector.doCollect({ ...call, runtime: resolving(call.runtime) }),
    ...(doIngest === undefined
      ? {}
      : {
          doIngest: (call: Parameters<typeof doIngest>[0]) =>
            doIngest({ ...call, runtime: resolving(call.runtime) }),
        }),
  };
  return Object.freeze(resolvingConnector);
}
