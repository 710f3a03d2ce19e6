import {
  type CollectResultV1,
  ConfigurationError,
  type ConnectorRuntime,
  type HttpResponse,
} from '@evidencekit/core';
import { healthBodySchema } from './api/health-body-schema';
import { evaluateJsonPointer } from './json-pointer';
import { observeJsonValue } from './observe-json-value';
import type { HostResolver } from './ssrf/host-resolver';
import { vetUrl } from './ssrf/ssrf-guard';
import type { HealthFactName } from './webhook-facts';
import type { WebhookConfig, WebhookHealthConfig } from './webhook-settings';

/** What the health pull needs from the call. */
export interface EndpointHealthOptions {
  config: WebhookConfig;
  runtime: ConnectorRuntime;
  now: () => Date;
  resolveHost: HostResolver;
}

/**
 * `doCollect` for `{ mode: 'health' }`: pulls the configured health endpoint behind the SSRF
 * guard and reports `endpoint_status` and `endpoint_latency`.
 *
 * The guard vets the URL's scheme and every address its host resolves to before the request.
 * Redirects stay on the vetted origin (the runtime refuses cross-origin ones), so every hop
 * goes to a vetted host. Error answers (4xx, 5xx after the runtime's retries) propagate as the
 * runtime's typed errors, so the facts are `unavailable` with that reason, never passed.
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
      { name: 'endpoint_latency', kind: 'measured', value: response.latencyMs, unit: 'ms', source },
    ],
    providerMetadata: { httpStatus: response.status },
  };
}

/**
 * Vets and GETs the health endpoint once; shared by `doCollect` and `doCheck`.
 *
 * @returns The answer and how long it took on the engine's clock.
 */
export async function pullHealthEndpoint(
  health: WebhookHealthConfig,
  options: Omit<EndpointHealthOptions, 'config'>,
): Promise<HttpResponse<unknown> & { latencyMs: number }> {
  const url = new URL(health.url);
  await vetUrl(url, {
    allowAddressClasses: health.allowAddressClasses,
    allowInsecureHttp: health.allowInsecureHttp,
    resolveHost: options.resolveHost,
  });
  const client = options.runtime.http({
    baseUrl: url.origin,
    ...(health.token === undefined ? {} : { auth: { type: 'bearer', token: health.token } }),
    // A health answer must be current: never served from or revalidated against a cache.
    cache: false,
    maxRedirects: health.maxRedirects,
    allowedRedirectOrigins: [],
    ...(health.timeoutMs === undefined ? {} : { timeoutMs: health.timeoutMs }),
  });
  const started = options.now().getTime();
  const response = await client.request<unknown>({
    path: `${url.pathname}${url.search}`,
    ...(health.statusPointer === undefined
      ? { responseType: 'text' as const }
      : { schema: healthBodySchema, headers: { accept: 'application/json' } }),
  });
  return { ...response, latencyMs: Math.max(0, options.now().getTime() - started) };
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
