import type { ConnectorRuntime, HttpClient } from '@evidencekit/core/connector';
import type { StatuspageConfig } from './statuspage-settings';

/**
 * The HTTP client for one page. Transport, retries, rate limits, caching and redaction are the
 * runtime's; the token stays a secret reference until a request needs it.
 */
export function createStatuspageClient(
  runtime: ConnectorRuntime,
  config: StatuspageConfig,
): HttpClient {
  return runtime.http({
    baseUrl: config.pageUrl,
    ...(config.token === undefined ? {} : { auth: { type: 'bearer', token: config.token } }),
  });
}

/** The absolute URL of an API path, for `fact.source` (core redacts it before storing). */
export function statuspageApiUrl(config: StatuspageConfig, path: string): string {
  const base = config.pageUrl.endsWith('/') ? config.pageUrl : `${config.pageUrl}/`;
  return new URL(path, base).href;
}
