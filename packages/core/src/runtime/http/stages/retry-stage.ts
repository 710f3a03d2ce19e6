import { retryApiCall } from '../../retry/retry-api-call';
import type { ClientContext } from '../client-context';
import type { RequestStage } from './request-stage';

/**
 * Retries failed attempts per the runtime's policy (retryable failures of idempotent calls,
 * `Retry-After` honoured, full-jitter backoff on the runtime's clock). The first attempt runs
 * without the retry loop's setup; its failure is handed to the loop as attempt 1.
 */
export function retryStage(context: ClientContext): RequestStage {
  const { pipeline } = context;
  return {
    name: 'retry',
    wrap(next) {
      return (state) =>
        retryApiCall(
          (attempt) => {
            state.attemptNumber = attempt;
            return next(state);
          },
          {
            policy: pipeline.retryPolicy,
            idempotent: state.idempotent,
            clock: pipeline.clock,
            ...(state.signal === undefined ? {} : { signal: state.signal }),
            request: {
              method: state.method,
              get url() {
                return state.redactedUrl;
              },
            },
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
          },
        );
    },
  };
}
