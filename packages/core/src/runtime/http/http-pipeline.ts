import type { HttpCache } from '../cache/http-cache';
import type { RuntimeEventEmitter } from '../events/runtime-event-emitter';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import type { Redactor } from '../redaction/redactor';
import type { Clock } from '../retry/clock';
import type { ResolvedRetryPolicy } from '../retry/retry-policy';
import type { SecretResolver } from '../secrets/secret-resolver';
import type { OriginDispatchers } from './origin-dispatchers';

/** What the runtime shares with every client of one bound call. */
export interface HttpPipeline {
  dispatchers: OriginDispatchers;
  rateLimiter: RateLimiter;
  /** Undefined when the host turned caching off. */
  cache: HttpCache | undefined;
  clock: Clock;
  redactor: Redactor;
  secrets: SecretResolver;
  events: RuntimeEventEmitter;
  retryPolicy: ResolvedRetryPolicy;
  defaultTimeoutMs: number;
  defaultMaxResponseBytes: number;
  userAgent: string;
  connectorId?: string;
  /** The bound call's signal: every request stops when it aborts. */
  signal?: AbortSignal;
}
