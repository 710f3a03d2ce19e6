/**
 * A structured event from the connector runtime: one HTTP request starting or ending, a retry,
 * a wait for a rate-limit budget, a cache hit or revalidation. Published to
 * `node:diagnostics_channel` (see `RUNTIME_EVENT_CHANNELS`) and, when the host passed a
 * logger, logged at debug level. URLs and messages are redacted before they leave.
 */
export type RuntimeEvent =
  | {
      type: 'request.start';
      requestId: string;
      connectorId?: string;
      method: string;
      url: string;
      attempt: number;
    }
  | {
      type: 'request.end';
      requestId: string;
      connectorId?: string;
      method: string;
      url: string;
      status?: number;
      durationMs: number;
      fromCache: boolean;
      /** The failure's reason code, e.g. `transient`, when the attempt failed. */
      error?: string;
      /** The failure's (redacted) message, when the attempt failed. */
      message?: string;
    }
  | {
      type: 'retry';
      requestId: string;
      connectorId?: string;
      url: string;
      attempt: number;
      delayMs: number;
      reason: string;
    }
  | {
      type: 'rate-limit.wait';
      origin: string;
      connectorId?: string;
      delayMs: number;
      reason: string;
    }
  | { type: 'cache.hit'; url: string; connectorId?: string; revalidated: boolean }
  | { type: 'cache.revalidated'; url: string; connectorId?: string; notModified: boolean };

/** The `type` of a runtime event. */
export type RuntimeEventType = RuntimeEvent['type'];
