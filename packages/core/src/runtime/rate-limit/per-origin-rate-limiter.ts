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
  /** Requests holding a slot. */
  active: number;
  concurrency: number;
  /** Requests waiting for a slot, oldest first. */
  queue: Array<() => void>;
  bucket: TokenBucket | undefined;
  /** Epoch ms until which the provider said the budget is spent. */
  holdUntil: number;
}

/**
 * The in-process `RateLimiter`: per origin, a concurrency cap (a slot counter and a FIFO queue), an optional token
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
        active: 0,
        concurrency: budget.concurrency ?? 8,
        queue: [],
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

  /** Gives a slot back and starts the oldest waiting request. */
  function releaserOf(state: OriginState): () => void {
    return () => {
      state.active -= 1;
      const next = state.queue.shift();
      if (next !== undefined) next();
    };
  }

  /**
   * What the budget asks of a request that holds a slot: undefined when it may go at once
   * (the common case, kept free of promises), else the wait. Throws when failing fast.
   */
  function budgetWait(
    origin: string,
    state: OriginState,
    signal: AbortSignal | undefined,
    failFast: { method: string; url: string } | undefined,
  ): Promise<void> | undefined {
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
      return clock.sleep(holdMs, signal).then(() => bucketWait(origin, state, signal));
    }
    return bucketWait(origin, state, signal);
  }

  function bucketWait(
    origin: string,
    state: OriginState,
    signal: AbortSignal | undefined,
  ): Promise<void> | undefined {
    const waitMs = state.bucket?.reserve(clock.now()) ?? 0;
    if (waitMs <= 0) return undefined;
    options.onWait?.({ origin, waitMs, cause: 'interval' });
    return clock.sleep(waitMs, signal);
  }

  /** Runs `task` once the budget allows, on a concurrency slot it already holds. */
  function runBudgeted<T>(
    origin: string,
    state: OriginState,
    task: () => Promise<T>,
    signal: AbortSignal | undefined,
    failFast: { method: string; url: string } | undefined,
  ): Promise<T> {
    try {
      const wait = budgetWait(origin, state, signal, failFast);
      return wait === undefined ? task() : wait.then(task);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  return {
    schedule<T>(
      origin: string,
      task: () => Promise<T>,
      scheduleOptions: Parameters<RateLimiter['schedule']>[2] = {},
    ): Promise<T> {
      const { signal, failFast } = scheduleOptions;
      if (signal?.aborted) return Promise.reject(signal.reason);
      const state = stateFor(origin);
      const release = releaserOf(state);
      // A free slot: a synchronous counter, no promise, no listener (the task watches the
      // signal itself). Only a request that queues listens, to leave promptly.
      if (state.active < state.concurrency && state.queue.length === 0) {
        state.active += 1;
        const running = runBudgeted(origin, state, task, signal, failFast);
        running.then(release, release);
        return running;
      }
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          state.active += 1;
          const running = runBudgeted(origin, state, task, signal, failFast);
          running.then(release, release);
          running.then(resolve, reject);
        };
        const onAbort = () => {
          // Aborted while queued: leave the queue without taking a slot.
          const index = state.queue.indexOf(start);
          if (index !== -1) state.queue.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        state.queue.push(start);
      });
    },
    tryAcquire(origin) {
      const state = stateFor(origin);
      if (state.active >= state.concurrency || state.queue.length > 0) return undefined;
      if (state.holdUntil > 0 || state.bucket !== undefined) {
        const now = clock.now();
        if (state.holdUntil > now) return undefined;
        if (state.bucket !== undefined && !state.bucket.tryTake(now)) return undefined;
      }
      state.active += 1;
      return releaserOf(state);
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
