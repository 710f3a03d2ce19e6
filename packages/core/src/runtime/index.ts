// The runtime that implements the connector contract: HTTP, retry, rate limits, cache,
// pagination, secrets, redaction, query allowlists and events. The connector-facing types are
// declared in contract/v1 and exported from there.

export type { CachedResponse, CacheStore, LruCacheStoreOptions } from './cache/cache-store';
export { createLruCacheStore, DEFAULT_CACHE_MAX_BYTES } from './cache/cache-store';
export type { Runtime, RuntimeBinding, RuntimeOptions } from './create-runtime';
export { createRuntime, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from './create-runtime';
export type { RuntimeEvent, RuntimeEventType } from './events/runtime-event';
export { RUNTIME_EVENT_CHANNELS } from './events/runtime-event-channels';
export type {
  RuntimeEventEmitter,
  RuntimeEventEmitterOptions,
} from './events/runtime-event-emitter';
export { createRuntimeEventEmitter } from './events/runtime-event-emitter';
export type { AddressClass } from './http/address-class';
export { ALLOWABLE_ADDRESS_CLASSES } from './http/destination-policy';
export { systemHostResolver } from './http/host-resolver';
export { combineSignals, raceAbort } from './http/race-abort';
export { REQUEST_STAGE_ORDER } from './http/request-pipeline';
export { silentLogger } from './logger';
export { paginatePages } from './pagination/paginate';
export type {
  QueryAllowlist,
  QueryAllowlistOptions,
  RenderedQuery,
} from './queries/query-allowlist';
export { createQueryAllowlist } from './queries/query-allowlist';
export type { QueryLanguage } from './queries/query-language';
export { QUERY_LANGUAGES } from './queries/query-language';
export type { QueryTemplate } from './queries/query-template-schema';
export { queryTemplateSchema, queryTemplatesSchema } from './queries/query-template-schema';
export type {
  OriginBudget,
  PerOriginRateLimiterOptions,
} from './rate-limit/per-origin-rate-limiter';
export { createPerOriginRateLimiter } from './rate-limit/per-origin-rate-limiter';
export type { RateLimiter, RateLimitWait } from './rate-limit/rate-limiter';
export { REDACTED } from './redaction/redacted-mask';
export { createRedactor } from './redaction/redactor';
export type { Clock } from './retry/clock';
export { systemClock } from './retry/clock';
export type { RetryPolicyOptions } from './retry/retry-policy';
export { secretReferenceSchema } from './secrets/secret-reference';
export type { SecretResolverOptions } from './secrets/secret-resolver';
export { createSecretResolver } from './secrets/secret-resolver';
