/** Response headers with lower-case names, as the runtime hands them around. */
export type ResponseHeaders = Readonly<Record<string, string>>;

/**
 * Reads how long the provider asks the client to wait, in milliseconds, from (in order)
 * `retry-after-ms`, `Retry-After` (delta seconds or an HTTP date), and the reset headers
 * that only count when the remaining budget is 0: `x-ratelimit-reset` (epoch seconds, epoch
 * milliseconds, or delta seconds for small values) and the IETF `RateLimit-Reset` /
 * `RateLimit: ...;t=` (delta seconds). Undefined when the headers say nothing usable.
 */
export function parseRetryAfter(headers: ResponseHeaders, now: number): number | undefined {
  const milliseconds = headers['retry-after-ms'];
  if (milliseconds !== undefined) {
    const value = Number(milliseconds.trim());
    if (Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }

  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const parsed = parseRetryAfterValue(retryAfter, now);
    if (parsed !== undefined) return parsed;
  }

  return parseRateLimitReset(headers, now);
}

/** Parses one `Retry-After` value: delta seconds or an HTTP date (a past date means 0). */
export function parseRetryAfterValue(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // Only dates in an HTTP-date shape: `Date.parse` accepts many strings we should not trust.
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait until the provider's rate-limit window resets, but only when the headers say the
 * budget is used up (remaining 0). Undefined otherwise.
 */
export function parseRateLimitReset(headers: ResponseHeaders, now: number): number | undefined {
  const signal = readRateLimitState(headers, now);
  if (signal?.remaining === 0 && signal.resetInMs !== undefined) return signal.resetInMs;
  return undefined;
}

/** What the rate-limit headers of one response say about the budget. */
export interface RateLimitState {
  /** Requests left in the current window, when a header says. */
  remaining?: number;
  /** Milliseconds until the window resets, when a header says. */
  resetInMs?: number;
}

/**
 * Reads the provider's rate-limit budget from `x-ratelimit-remaining`/`x-ratelimit-reset`,
 * `ratelimit-remaining`/`ratelimit-reset` and the structured IETF `RateLimit` header
 * (`"name";r=0;t=30`). Undefined when none is present.
 */
export function readRateLimitState(
  headers: ResponseHeaders,
  now: number,
): RateLimitState | undefined {
  const state: RateLimitState = {};
  const remaining = firstNumber(headers['x-ratelimit-remaining'], headers['ratelimit-remaining']);
  if (remaining !== undefined) state.remaining = remaining;

  const legacyReset = firstNumber(headers['x-ratelimit-reset']);
  if (legacyReset !== undefined) state.resetInMs = resetToDelay(legacyReset, now);
  const ietfReset = firstNumber(headers['ratelimit-reset']);
  if (ietfReset !== undefined && state.resetInMs === undefined) {
    state.resetInMs = resetToDelay(ietfReset, now);
  }

  const structured = headers.ratelimit;
  if (structured !== undefined) {
    const remainingMatch = /(?:^|;)\s*r\s*=\s*(\d+)/.exec(structured);
    const resetMatch = /(?:^|;)\s*t\s*=\s*(\d+)/.exec(structured);
    if (remainingMatch?.[1] !== undefined && state.remaining === undefined) {
      state.remaining = Number(remainingMatch[1]);
    }
    if (resetMatch?.[1] !== undefined && state.resetInMs === undefined) {
      state.resetInMs = Number(resetMatch[1]) * 1000;
    }
  }

  return state.remaining === undefined && state.resetInMs === undefined ? undefined : state;
}

/**
 * Reset headers come as delta seconds, epoch seconds, epoch milliseconds or (one provider)
 * epoch microseconds; the magnitude tells them apart.
 */
function resetToDelay(value: number, now: number): number {
  if (value >= 1e14) return Math.max(0, Math.ceil(value / 1000 - now));
  if (value >= 1e11) return Math.max(0, Math.ceil(value - now));
  if (value >= 1e9) return Math.max(0, Math.ceil(value * 1000 - now));
  // A negative delta (a provider bug) means "already reset", never a negative wait.
  return Math.max(0, Math.ceil(value * 1000));
}

function firstNumber(...values: (string | undefined)[]): number | undefined {
  for (const value of values) {
    if (value === undefined) continue;
    const parsed = Number(value.split(',')[0]?.trim());
    if (value.trim() !== '' && Number.isFinite(parsed)) return parsed;
  }
  return undefined;
}
