import type { HttpClient, HttpClientOptions } from './http-client-v1';
import type { Logger } from './logger-v1';
import type { Redactor } from './redactor-v1';
import type { SecretResolver } from './secret-resolver-v1';

/**
 * Everything core gives a connector to talk to its provider. Connectors hold no transport,
 * retry, rate-limit, cache or redaction logic of their own: they use this.
 */
export interface ConnectorRuntime {
  /** Structured logger; a no-op unless the host passed one. */
  logger: Logger;
  /**
   * A client for one provider API. Requests go through the runtime's keep-alive pools,
   * rate limiter, cache and retry policy, and stop when the call's signal aborts.
   */
  http(options: HttpClientOptions): HttpClient;
  /** Resolves secret references (`env:NAME`, `file:PATH`, …) lazily. */
  secrets: SecretResolver;
  /** Masks secrets in anything the connector reports. */
  redactor: Redactor;
  /** The signal of the current call (also applied to every request automatically). */
  signal: AbortSignal;
}
