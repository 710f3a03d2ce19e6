import { ApiCallError } from '../../errors/api-call-error';

/** How the runtime retries failed calls. Hosts set these once; calls cannot loosen them. */
export interface RetryPolicyOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Longest wait the provider may ask for (Retry-After, reset headers). Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** First backoff step when the provider gives no wait. Default 500 ms. */
  baseDelayMs?: number;
  /** Upper bound of one backoff step. Default 30 000 ms. */
  maxDelayMs?: number;
  /** Never wait on a rate limit: fail at once with `rate_limited` (what `doCheck` wants). */
  failFastOnRateLimit?: boolean;
  /** Source of randomness for jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** The policy with every default filled in. */
export type ResolvedRetryPolicy = Required<RetryPolicyOptions>;

/** Fills in the defaults of a retry policy. */
export function resolveRetryPolicy(options: RetryPolicyOptions = {}): ResolvedRetryPolicy {
  return {
    maxRetries: options.maxRetries ?? 3,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    failFastOnRateLimit: options.failFastOnRateLimit ?? false,
    random: options.random ?? Math.random,
  };
}

/** What to do after a failed attempt. */
export type RetryDecision =
  | { retry: true; delayMs: number }
  /** Stop; `error` is what the caller should see (possibly a sharper error than the input). */
  | { retry: false; error: ApiCallError };

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** True for methods HTTP defines as idempotent; POST and PATCH need the caller's word. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Decides whether to retry after `error`, and after how long. Retries only retryable
 * failures (408, 429, 5xx, resets, timeouts) of idempotent calls; waits what the provider
 * asked for when it asked, up to `maxRetryAfterMs` (beyond that it fails fast with
 * `rate_limited`, naming the wait), else backs off exponentially with full jitter.
 *
 * @param retriesDone retries already made before this decision (0 after the first attempt).
 */
export function decideRetry(
  error: ApiCallError,
  retriesDone: number,
  options: { policy: ResolvedRetryPolicy; idempotent: boolean },
): RetryDecision {
  const { policy } = options;
  if (!error.isRetryable || !options.idempotent) return { retry: false, error };

  if (error.reason === 'rate_limited' && policy.failFastOnRateLimit) {
    return { retry: false, error };
  }

  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxRetryAfterMs) {
      return { retry: false, error: rateLimitWaitTooLong(error, policy.maxRetryAfterMs) };
    }
    if (retriesDone >= policy.maxRetries) return { retry: false, error };
    return { retry: true, delayMs: error.retryAfterMs };
  }

  if (retriesDone >= policy.maxRetries) return { retry: false, error };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
  return { retry: true, delayMs: Math.floor(policy.random() * ceiling) };
}

function rateLimitWaitTooLong(error: ApiCallError, maxRetryAfterMs: number): ApiCallError {
  const seconds = Math.ceil((error.retryAfterMs ?? 0) / 1000);
  return new ApiCallError({
    message:
      `${error.method} ${error.url}: the provider asked to wait ${seconds} s before retrying, ` +
      `longer than the ${Math.ceil(maxRetryAfterMs / 1000)} s allowed; failing fast as rate limited.`,
    reason: 'rate_limited',
    url: error.url,
    method: error.method,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.headers === undefined ? {} : { headers: { ...error.headers } }),
    ...(error.bodyExcerpt === undefined ? {} : { bodyExcerpt: error.bodyExcerpt }),
    isRetryable: true,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    cause: error,
  });
}
