import pRetry from 'p-retry';
import { type ApiCallAttempt, ApiCallError } from '../../errors/api-call-error';
import type { Clock } from './clock';
import { decideRetry, type ResolvedRetryPolicy } from './retry-policy';

/** A retry about to happen, reported so the runtime can emit a `retry` event. */
export interface RetryNotice {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  error: ApiCallError;
  delayMs: number;
}

/** Options of `retryApiCall`. */
export interface RetryApiCallOptions {
  policy: ResolvedRetryPolicy;
  /** Whether repeating the call is safe (GET, or the caller said so). */
  idempotent: boolean;
  clock: Clock;
  signal?: AbortSignal;
  /** The redacted method and URL, to build a `cancelled` error when the signal aborts. */
  request: { method: string; url: string };
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * Runs `operation` and retries it per the policy. This is the only place in Evidencekit
 * that retries. p-retry drives the loop; the waits go through the injected clock (p-retry's
 * own delay is set to 0) so tests run without sleeping. The error thrown at the end carries
 * every attempt in `attempts`.
 */
export async function retryApiCall<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryApiCallOptions,
): Promise<T> {
  // Fast path: most calls succeed at once, so the first attempt runs without p-retry's
  // per-call setup. Its failure is handed to p-retry as attempt 1 (see below), so the
  // decision, the callbacks and the numbering are exactly those of a loop p-retry ran.
  let firstError: unknown;
  try {
    if (options.signal?.aborted) throw options.signal.reason;
    const result = await operation(1);
    // As p-retry does: an abort during the attempt wins over its result.
    if (options.signal?.aborted) throw options.signal.reason;
    return result;
  } catch (error) {
    firstError = error;
  }
  return retryAfterFirstFailure(firstError, operation, options);
}

/**
 * The retry loop of a call whose first attempt already ran (elsewhere) and failed with
 * `firstError`: the same decisions, callbacks, numbering and final error as `retryApiCall`,
 * from attempt 2 on.
 */
export async function retryAfterFirstFailure<T>(
  firstError: unknown,
  operation: (attempt: number) => Promise<T>,
  options: RetryApiCallOptions,
): Promise<T> {
  const attempts: ApiCallAttempt[] = [];
  let retriesDone = 0;
  try {
    const replayFirstFailure = (attemptNumber: number): Promise<T> =>
      attemptNumber === 1 ? Promise.reject(firstError) : operation(attemptNumber);
    return await pRetry(replayFirstFailure, {
      retries: options.policy.maxRetries,
      minTimeout: 0,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onFailedAttempt: async ({ error, attemptNumber }) => {
        // Anything that is not an API error is a bug, not a provider failure: never retried.
        if (!ApiCallError.isInstance(error)) throw error;
        const decision = decideRetry(error, retriesDone, {
          policy: options.policy,
          idempotent: options.idempotent,
        });
        if (!decision.retry) {
          attempts.push(describeAttempt(attemptNumber, decision.error, 0));
          throw decision.error;
        }
        attempts.push(describeAttempt(attemptNumber, error, decision.delayMs));
        options.onRetry?.({ attempt: attemptNumber, error, delayMs: decision.delayMs });
        retriesDone += 1;
        await options.clock.sleep(decision.delayMs, options.signal);
      },
    });
  } catch (error) {
    const final =
      options.signal?.aborted && !isCancellation(error)
        ? cancelledError(options.request, options.signal.reason)
        : error;
    if (ApiCallError.isInstance(final) && attempts.length > 0) {
      if (final.reason === 'cancelled' && attempts.at(-1)?.reason !== 'cancelled') {
        attempts.push({ attempt: attempts.length + 1, reason: 'cancelled', delayMs: 0 });
      }
      final.attempts = attempts;
      if (attempts.length > 1) final.message = `${final.message} ${summarize(attempts)}`;
    }
    throw final;
  }
}

function describeAttempt(attempt: number, error: ApiCallError, delayMs: number): ApiCallAttempt {
  return {
    attempt,
    ...(error.status === undefined ? {} : { status: error.status }),
    reason: error.reason,
    delayMs,
  };
}

function summarize(attempts: readonly ApiCallAttempt[]): string {
  const parts = attempts.map(
    (attempt) =>
      `#${attempt.attempt} ${attempt.status ?? '-'} ${attempt.reason}` +
      (attempt.delayMs > 0 ? ` (waited ${attempt.delayMs} ms)` : ''),
  );
  return `Attempts: ${parts.join('; ')}.`;
}

function isCancellation(error: unknown): boolean {
  return ApiCallError.isInstance(error) && error.reason === 'cancelled';
}

/** The error of a call the caller aborted. */
export function cancelledError(request: { method: string; url: string }, cause: unknown) {
  return new ApiCallError({
    message: `${request.method} ${request.url}: the call was cancelled.`,
    reason: 'cancelled',
    url: request.url,
    method: request.method,
    isRetryable: false,
    cause,
  });
}
