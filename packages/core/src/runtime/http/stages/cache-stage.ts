import { ApiCallError } from '../../../errors/api-call-error';
import { cancelledError } from '../../retry/retry-api-call';
import type { ClientContext } from '../client-context';
import type { RequestStage } from './request-stage';

// The conditional headers of a revalidation make a 304 an answer.
const NOT_MODIFIED: ReadonlySet<number> = new Set([304]);

/**
 * Cache and single flight: a fresh entry is served without asking; a stale one is revalidated
 * (`If-None-Match` / `If-Modified-Since`, a 304 is served from the cache); identical concurrent
 * requests share one flight. Below this stage the request runs on the flight's signal, which
 * aborts only when every caller sharing it has gone.
 */
export function cacheStage(context: ClientContext): RequestStage {
  return {
    name: 'cache',
    wrap(next) {
      const { cache } = context.pipeline;
      const ttlMs = context.cacheTtlMs;
      if (cache === undefined || ttlMs === undefined) return next;
      return (state) => {
        if (state.cacheKey === undefined) return next(state);
        const callerSignal = state.signal;
        return cache
          .fetch(
            state.cacheKey,
            { ttlMs, ...(callerSignal === undefined ? {} : { signal: callerSignal }) },
            (conditional, flightSignal) => {
              state.signal = flightSignal;
              if (
                conditional['if-none-match'] !== undefined ||
                conditional['if-modified-since'] !== undefined
              ) {
                state.headers = { ...state.headers, ...conditional };
                state.acceptStatus =
                  state.acceptStatus.size === 0
                    ? NOT_MODIFIED
                    : new Set([...state.acceptStatus, 304]);
              }
              return next(state);
            },
          )
          .then(
            (result) => {
              state.fromCache = result.fromCache;
              state.notModified = result.notModified;
              if (result.notModified) {
                if (context.observed('cache.revalidated')) {
                  context.pipeline.events.emit({
                    type: 'cache.revalidated',
                    url: state.redactedUrl,
                    notModified: true,
                    ...context.connectorFields,
                  });
                }
              } else if (result.fromCache && context.observed('cache.hit')) {
                context.pipeline.events.emit({
                  type: 'cache.hit',
                  url: state.redactedUrl,
                  revalidated: false,
                  ...context.connectorFields,
                });
              }
              return result.response;
            },
            (error: unknown) => {
              throw callerSignal?.aborted && !ApiCallError.isInstance(error)
                ? cancelledError(
                    { method: state.method, url: state.redactedUrl },
                    callerSignal.reason,
                  )
                : error;
            },
          );
      };
    },
  };
}
