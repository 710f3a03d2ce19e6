import type { ApiCallFailureReason } from '../../errors/api-call-error';
import { type ResponseHeaders, readRateLimitState } from '../retry/parse-retry-after';

/** What an error status means for the caller. */
export interface StatusClassification {
  reason: ApiCallFailureReason;
  isRetryable: boolean;
}

/**
 * True when a response says the rate limit is what failed it: a `retry-after` /
 * `retry-after-ms` header, or 0 requests left. GitHub answers a spent budget with 403.
 */
export function hasRateLimitSignal(headers: ResponseHeaders): boolean {
  if (headers['retry-after'] !== undefined || headers['retry-after-ms'] !== undefined) {
    return true;
  }
  return readRateLimitState(headers, 0)?.remaining === 0;
}

/**
 * Maps an error status to a fact reason: 401 auth; 403 forbidden (rate_limited when it
 * carries a rate-limit signal); 404/410 not_found; 408 and 5xx transient; 429 rate_limited;
 * other 4xx config (the request the configuration produced was refused). Only 408, 429,
 * 5xx and rate-limited 403s are retryable.
 */
export function classifyHttpStatus(status: number, headers: ResponseHeaders): StatusClassification {
  if (status === 401) return { reason: 'auth', isRetryable: false };
  if (status === 403) {
    return hasRateLimitSignal(headers)
      ? { reason: 'rate_limited', isRetryable: true }
      : { reason: 'forbidden', isRetryable: false };
  }
  if (status === 404 || status === 410) return { reason: 'not_found', isRetryable: false };
  if (status === 408) return { reason: 'transient', isRetryable: true };
  if (status === 429) return { reason: 'rate_limited', isRetryable: true };
  if (status >= 500) return { reason: 'transient', isRetryable: true };
  if (status >= 400) return { reason: 'config', isRetryable: false };
  // A 1xx/3xx that reaches classification was not handled as a redirect or revalidation.
  return { reason: 'invalid_response', isRetryable: false };
}
