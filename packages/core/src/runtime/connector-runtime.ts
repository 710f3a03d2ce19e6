import type { Logger } from './logger';

/**
 * Everything core gives a connector to talk to its provider. Connectors hold no transport,
 * retry, rate-limit, cache or redaction logic of their own: they use this.
 */
export interface ConnectorRuntime {
  /** Structured logger; a no-op unless the host passed one. */
  logger: Logger;
}
