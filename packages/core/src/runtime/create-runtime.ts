import type { Dispatcher } from 'undici';
import { type CacheStore, createLruCacheStore } from './cache/cache-store';
import { HttpCache } from './cache/http-cache';
import type { ConnectorRuntime } from './connector-runtime';
import {
  createRuntimeEventEmitter,
  type RuntimeEventEmitter,
} from './events/runtime-event-emitter';
import type { HostResolver } from './http/host-resolver';
import { createHttpClient, type HttpClientOptions } from './http/http-client';
import { OriginDispatchers, type OriginPoolOptions } from './http/origin-dispatchers';
import { formatUserAgent } from './http/user-agent';
import { type Logger, silentLogger } from './logger';
import {
  createPerOriginRateLimiter,
  type OriginBudget,
} from './rate-limit/per-origin-rate-limiter';
import type { RateLimiter } from './rate-limit/rate-limiter';
import { createRedactingLogger } from './redaction/redacting-logger';
import { createRedactor, type Redactor } from './redaction/redactor';
import { type Clock, systemClock } from './retry/clock';
import { type RetryPolicyOptions, resolveRetryPolicy } from './retry/retry-policy';
import { createSecretResolver, type SecretResolver } from './secrets/secret-resolver';

/** Host-level settings of the runtime, shared by every connector of a run. */
export interface RuntimeOptions {
  /** Receives runtime events at debug level. */
  logger?: Logger;
  /**
   * An undici dispatcher for every request (a `ProxyAgent`, a `MockAgent` in tests). Without
   * one the runtime opens a keep-alive pool per origin and closes them in `close()`.
   */
  dispatcher?: Dispatcher;
  /** Keep-alive settings of the runtime's own pools. */
  pool?: OriginPoolOptions;
  /** Where HTTP answers are cached (default: in-process LRU); `false` turns caching off. */
  cacheStore?: CacheStore | false;
  /** Replaces the in-process rate limiter (e.g. a Redis-backed one). */
  rateLimiter?: RateLimiter;
  /** Budgets of the in-process rate limiter, by default and per origin. */
  rateLimits?: { defaultBudget?: OriginBudget; origins?: Record<string, OriginBudget> };
  retry?: Omit<RetryPolicyOptions, 'failFastOnRateLimit'>;
  /** Per-attempt deadline. Default 30 000 ms. */
  timeoutMs?: number;
  /** Largest response body read. Default 10 MiB. */
  maxResponseBytes?: number;
  redactor?: Redactor;
  secrets?: SecretResolver;
  /** Replaces the event emitter built from `logger` and `redactor`. */
  events?: RuntimeEventEmitter;
  /** Time source for retries, rate-limit waits and timeouts (tests inject a fake). */
  clock?: Clock;
  /**
   * Resolves hostnames for every client with a `destinationPolicy` that names no resolver of
   * its own (a webhook health pull): the URL is vetted with it, and each new connection is
   * pinned to an address it returned. Default: the operating system's (`systemHostResolver`).
   * Hosts with their own DNS, and tests, pass one.
   */
  resolveHost?: HostResolver;
}

/** What one engine call binds the runtime to. */
export interface RuntimeBinding {
  connectorId: string;
  /** The connector's npm package name, for the user agent. */
  packageName: string;
  packageVersion: string;
  /** Aborts every request of the call. */
  signal: AbortSignal;
  /** Never wait on a rate limit (what `doCheck` wants). */
  failFastOnRateLimit?: boolean;
}

/** The host-level runtime. */
export interface Runtime {
  /** The `ConnectorRuntime` for one call of one connector. */
  bind(binding: RuntimeBinding): ConnectorRuntime;
  readonly redactor: Redactor;
  readonly secrets: SecretResolver;
  /** Closes the keep-alive pools the runtime opened. */
  close(): Promise<void>;
}

/** Default response size cap: 10 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/** Default per-attempt deadline. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Creates the runtime a host shares between every connector of a run: one set of
 * keep-alive pools, one rate limiter, one cache, one retry policy, one redactor.
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const clock = options.clock ?? systemClock;
  const redactor = options.redactor ?? createRedactor();
  const secrets = options.secrets ?? createSecretResolver({ redactor });
  const events =
    options.events ??
    createRuntimeEventEmitter({
      redactor,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  const dispatchers = new OriginDispatchers({
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    ...(options.pool === undefined ? {} : { pool: options.pool }),
  });
  const rateLimiter =
    options.rateLimiter ??
    createPerOriginRateLimiter({
      clock,
      ...options.rateLimits,
      ...(options.retry?.maxRetryAfterMs === undefined
        ? {}
        : { maxHoldMs: options.retry.maxRetryAfterMs }),
      onWait: (wait) =>
        events.emit({
          type: 'rate-limit.wait',
          origin: wait.origin,
          delayMs: wait.waitMs,
          reason: wait.cause,
        }),
    });
  const connectorLogger =
    options.logger === undefined ? silentLogger : createRedactingLogger(options.logger, redactor);
  const cacheStore =
    options.cacheStore === false ? undefined : (options.cacheStore ?? createLruCacheStore());
  const cache = cacheStore === undefined ? undefined : new HttpCache({ store: cacheStore, clock });

  return {
    redactor,
    secrets,
    bind(binding) {
      const retryPolicy = resolveRetryPolicy({
        ...options.retry,
        failFastOnRateLimit: binding.failFastOnRateLimit ?? false,
      });
      const userAgent = formatUserAgent(binding.packageName, binding.packageVersion);
      return {
        logger: connectorLogger,
        secrets,
        redactor,
        signal: binding.signal,
        http: (clientOptions) =>
          createHttpClient(withHostResolver(clientOptions, options.resolveHost), {
            dispatchers,
            rateLimiter,
            cache,
            clock,
            redactor,
            secrets,
            events,
            retryPolicy,
            defaultTimeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            defaultMaxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
            userAgent,
            connectorId: binding.connectorId,
            signal: binding.signal,
          }),
      };
    },
    close: () => dispatchers.close(),
  };
}

/** A client's options with the runtime's resolver in its destination policy, unless it has one. */
function withHostResolver(
  clientOptions: HttpClientOptions,
  resolveHost: HostResolver | undefined,
): HttpClientOptions {
  const policy = clientOptions.destinationPolicy;
  if (resolveHost === undefined || policy === undefined || policy.resolveHost !== undefined) {
    return clientOptions;
  }
  return { ...clientOptions, destinationPolicy: { ...policy, resolveHost } };
}
