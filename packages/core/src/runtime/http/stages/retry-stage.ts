import type { RetryApiCallOptions } from '../../retry/retry-api-call';
import { retryApiCall } from '../../retry/retry-api-call';
import type { ClientContext } from '../client-context';
import { RequestIdentity, type RequestState } from '../request-state';
import type { RequestStage } from './request-stage';

/**
 * Retries failed attempts per the runtime's policy (retryable failures of idempotent calls,
 * `Retry-After` honoured, full-jitter backoff on the runtime's clock). The first attempt runs
 * without the retry loop's setup; its failure is handed to the loop as attempt 1.
 */
export function retryStage(context: ClientContext): RequestStage {
  return {
    name: 'retry',
    wrap(next) {
      return (state) =>
        retryApiCall(
          (attempt) => {
            state.attemptNumber = attempt;
            return next(state);
          },
          retryOptionsOf(context, state),
        );
    },
  };
}

/** The retry loop's options for one request (the fast path's fallback uses the same). */
export function retryOptionsOf(context: ClientContext, state: RequestState): RetryApiCallOptions {
  const { pipeline } = context;
  return {
    policy: pipeline.retryPolicy,
    idempotent: state.idempotent,
    clock: pipeline.clock,
    ...(state.signal === undefined ? {} : { signal: state.signal }),
    request: new RequestIdentity(state),
    onRetry: (notice) => {
      if (!context.observed('retry')) return;
      pipeline.events.emit({
        type: 'retry',
        requestId: state.requestId,
        url: state.redactedUrl,
        attempt: notice.attempt,
        delayMs: notice.delayMs,
        reason: notice.error.reason,
        ...context.connectorFields,
      });
    },
  };
}
