import {
  type CollectResultV1,
  ConfigurationError,
  type ConnectorRuntime,
  DestinationRefusedError,
  type HttpResponse,
} from '@evidencekit/core/connector';
import { healthBodySchema } from './api/health-body-schema';
import { createWebhookClient } from './create-webhook-client';
import { evaluateJsonPointer } from './json-pointer';
import { observeJsonValue } from './observe-json-value';
import type { HealthFactName } from './webhook-facts';
import type { WebhookConfig, WebhookHealthConfig } from './webhook-settings';

/** What the health pull needs from the call. */
export interface EndpointHealthOptions {
  config: WebhookConfig;
  runtime: ConnectorRuntime;
}

/**
 * `doCollect` for `{ mode: 'health' }`: pulls the configured health endpoint behind the SSRF
 * guard and reports `endpoint_status` and `endpoint_latency`.
 *
 * The guard is the runtime's destination policy: it vets the URL's scheme and every address
 * its host resolves to before each request and each redirect, and pins every new connection
 * to a vetted address, so DNS rebinding cannot swap it. Hostnames are resolved by the
 * runtime's resolver (`createRuntime({ resolveHost })`, the system's by default). Redirects stay on the vetted origin
 * (cross-origin ones are refused). Error answers (4xx, 5xx after the runtime's retries)
 * propagate as the runtime's typed errors, so the facts are `unavailable` with that reason,
 * never passed.
 *
 * @throws ConfigurationError when `settings.health` is not configured.
 * @throws DestinationRefusedError when the guard refuses the URL.
 */
export async function collectEndpointHealth(
  options: EndpointHealthOptions,
): Promise<CollectResultV1<HealthFactName>> {
  const health = requireHealth(options.config);
  const response = await pullHealthEndpoint(health, options);
  const source = { url: response.url };
  const status =
    health.statusPointer === undefined
      ? observeJsonValue({
          name: 'endpoint_status' as const,
          unit: 'word',
          pointer: '(HTTP status)',
          value: `${Math.floor(response.status / 100)}xx`,
          source,
        })
      : observeJsonValue({
          name: 'endpoint_status' as const,
          unit: 'word',
          pointer: health.statusPointer,
          value: evaluateJsonPointer(response.data, health.statusPointer),
          source,
        });
  return {
    facts: [
      status,
      {
        name: 'endpoint_latency',
        kind: 'measured',
        value: response.durationMs,
        unit: 'ms',
        source,
      },
    ],
    providerMetadata: { httpStatus: response.status },
  };
}

/**
 * GETs the health endpoint once behind the destination policy; shared by `doCollect` and
 * `doCheck`.
 *
 * @returns The answer; its `durationMs` (the last attempt alone, retry waits excluded) is the
 *   endpoint's latency.
 * @throws DestinationRefusedError (from core) when the policy refuses the URL or an address.
 */
export async function pullHealthEndpoint(
  health: WebhookHealthConfig,
  options: Omit<EndpointHealthOptions, 'config'>,
): Promise<HttpResponse<unknown>> {
  const url = new URL(health.url);
  if (url.username !== '' || url.password !== '') {
    // The client is built on the origin, which would drop them silently: refuse instead.
    throw new DestinationRefusedError({
      kind: 'scheme',
      hostname: url.hostname,
      message:
        'URLs with credentials in them are refused; configure settings.health.token instead.',
    });
  }
  const client = createWebhookClient(options.runtime, health, url.origin);
  return client.request<unknown>({
    path: `${url.pathname}${url.search}`,
    ...(health.statusPointer === undefined
      ? { responseType: 'text' as const }
      : { schema: healthBodySchema, headers: { accept: 'application/json' } }),
  });
}

/** The health settings, or a configuration error naming `settings.health`. */
export function requireHealth(config: WebhookConfig): WebhookHealthConfig {
  if (config.health !== undefined) return config.health;
  throw new ConfigurationError({
    issues: [
      {
        path: 'settings.health',
        expected: 'a health endpoint ({ url }) to use a { mode: "health" } target',
      },
    ],
  });
}
