import pLimit, { type LimitFunction } from 'p-limit';
import { ApiCallError } from '../../errors/api-call-error';
import type { Clock } from '../retry/clock';
import { type ResponseHeaders, readRateLimitState } from '../retry/parse-retry-after';
import type { RateLimiter, RateLimitWait } from './rate-limiter';
import { TokenBucket } from './token-bucket';

/** The budget of one origin. */
export interface OriginBudget {
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Requests allowed per `intervalMs`; no interval budget when unset. */
  requestsPerInterval?: number;
  /** Length of the interval. Default 1000 ms. */
  intervalMs?: number;
}

/** Options of the in-process limiter. */
export interface PerOriginRateLimiterOptions {
  clock: Clock;
  /** Budget of every origin without its own entry. */
  defaultBudget?: OriginBudget;
  /** Budgets keyed by origin, e.g. `https://api.github.com`. */
  origins?: Record<string, OriginBudget>;
  /**
   * Longest hold after the provider reports 0 requests left. Default 60 000 ms: a longer
   * reset is left to the retry policy, which fails fast as `rate_limited`.
   */
  maxHoldMs?: number;
  onWait?: (wait: RateLimitWait) => void;
}

interface OriginState {
  limit: LimitFunction;
  bucket: TokenBucket | undefined;
  /** Epoch ms until which the provider said the budget is spent. */
  holdUntil: number;
}

/**
 * The in-process `RateLimiter`: per origin, a p-limit concurrency cap, an optional token
 * bucket, and a hold until the provider's reset when its headers say 0 requests are left.
 */
export function createPerOriginRateLimiter(options: PerOriginRateLimiterOptions): RateLimiter {
  const { clock } = options;
  const maxHoldMs = options.maxHoldMs ?? 60_000;
  const states = new Map<string, OriginState>();

  function stateFor(origin: string): OriginState {
    let state = states.get(origin);
    if (state === undefined) {
      const budget = { ...options.defaultBudget, ...options.origins?.[origin] };
      state = {
        limit: pLimit(budget.concurrency ?? 8),
        bucket:
          budget.requestsPerInterval === undefined
            ? undefined
            : new TokenBucket({
                capacity: budget.requestsPerInterval,
                intervalMs: budget.intervalMs ?? 1000,
                now: clock.now(),
              }),
        holdUntil: 0,
      };
      states.set(origin, state);
    }
    return state;
  }

  async function waitForBudget(
    origin: string,
    state: OriginState,
    signal: AbortSignal | undefined,
    failFast: { method: string; url: string } | undefined,
  ) {
    const holdMs = state.holdUntil - clock.now();
    if (holdMs > 0 && failFast !== undefined) {
      throw new ApiCallError({
        message: `${failFast.method} ${failFast.url}: the provider's rate limit resets in ${Math.ceil(holdMs / 1000)} s; not waiting.`,
        reason: 'rate_limited',
        method: failFast.method,
        url: failFast.url,
        isRetryable: false,
        retryAfterMs: holdMs,
      });
    }
    if (holdMs > 0) {
      options.onWait?.({ origin, waitMs: holdMs, cause: 'provider' });
      await clock.sleep(holdMs, signal);
    }
    const bucketWait = state.bucket?.reserve(clock.now()) ?? 0;
    if (bucketWait > 0) {
      options.onWait?.({ origin, waitMs: bucketWait, cause: 'interval' });
      await clock.sleep(bucketWait, signal);
    }
  }

  return {
    schedule(origin, task, scheduleOptions = {}) {
      const { signal, failFast } = scheduleOptions;
      if (signal?.aborted) return Promise.reject(signal.reason);
      const state = stateFor(origin);
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        void state.limit(async () => {
          // Aborted while queued: give the slot to the next task without running this one.
          if (signal?.aborted) return;
          try {
            await waitForBudget(origin, state, signal, failFast);
            resolve(await task());
          } catch (error) {
            reject(error);
          } finally {
            signal?.removeEventListener('abort', onAbort);
          }
        });
      });
    },
    observe(origin, headers: ResponseHeaders) {
      const now = clock.now();
      const rateLimit = readRateLimitState(headers, now);
      if (rateLimit?.remaining === 0 && rateLimit.resetInMs !== undefined) {
        const state = stateFor(origin);
        state.holdUntil = Math.max(state.holdUntil, now + Math.min(rateLimit.resetInMs, maxHoldMs));
      }
    },
  };
}
