import type { ResponseHeaders } from '../retry/parse-retry-after';

/**
 * Budgets requests per provider origin. The runtime runs every request through `schedule`
 * and reports every response's headers to `observe`. The in-process implementation is
 * `createPerOriginRateLimiter`; a Redis-backed one can share budgets across processes.
 */
export interface RateLimiter {
  /**
   * Runs `task` when the origin's budget allows. Rejects with the signal's reason if the
   * signal aborts while the task is still waiting (the task then never runs).
   */
  schedule<T>(
    origin: string,
    task: () => Promise<T>,
    options?: {
      signal?: AbortSignal;
      /**
       * Do not wait for a provider-announced reset: reject at once with a `rate_limited`
       * `ApiCallError` for this (redacted) request instead. What connection checks want.
       */
      failFast?: { method: string; url: string };
    },
  ): Promise<T>;
  /**
   * Takes a slot for a request at once, when the origin's budget allows it without any wait
   * (a free concurrency slot, nobody queued, no provider hold, a token in the interval budget).
   * Returns the function that gives the slot back, called once when the request ends; or
   * undefined, and the request goes through `schedule`. Optional: a limiter without it has
   * every request scheduled.
   */
  tryAcquire?(origin: string): (() => void) | undefined;
  /** Adapts the origin's budget to the rate-limit headers of a response. */
  observe(origin: string, headers: ResponseHeaders): void;
}

/** A wait the limiter imposed, reported as a `rate-limit.wait` event. */
export interface RateLimitWait {
  origin: string;
  waitMs: number;
  /** `interval`: the local requests-per-interval budget; `provider`: the provider said 0 left. */
  cause: 'interval' | 'provider';
}
