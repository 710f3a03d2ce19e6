import type { ConnectorRuntime, HttpClient } from '@evidencekit/core/connector';
import type { WebhookHealthConfig } from './webhook-settings';

/**
 * The HTTP client for the health endpoint's origin, behind the destination policy the settings
 * allow: never cached (a health answer must be current), redirects kept on the vetted origin,
 * the bearer token a secret reference until the runtime resolves it for a request.
 */
export function createWebhookClient(
  runtime: ConnectorRuntime,
  health: WebhookHealthConfig,
  origin: string,
): HttpClient {
  return runtime.http({
    baseUrl: origin,
    destinationPolicy: {
      allowAddressClasses: health.allowAddressClasses,
      allowInsecureHttp: health.allowInsecureHttp,
    },
    ...(health.token === undefined ? {} : { auth: { type: 'bearer', token: health.token } }),
    cache: false,
    maxRedirects: health.maxRedirects,
    allowedRedirectOrigins: [],
    ...(health.timeoutMs === undefined ? {} : { timeoutMs: health.timeoutMs }),
  });
}
