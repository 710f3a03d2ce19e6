import type { ClientContext } from '../client-context';
import { RequestIdentity } from '../request-state';
import type { RequestStage } from './request-stage';

const NO_OPTIONS = {};

/**
 * Runs each attempt when the origin's budget allows (concurrency, requests per interval, the
 * provider's announced reset). With `failFastOnRateLimit` a spent budget fails at once.
 */
export function rateLimitStage(context: ClientContext): RequestStage {
  const { pipeline } = context;
  const failFast = pipeline.retryPolicy.failFastOnRateLimit;
  return {
    name: 'rate-limit',
    wrap(next) {
      return (state) => {
        const signal = state.signal;
        const options = failFast
          ? {
              ...(signal === undefined ? {} : { signal }),
              failFast: new RequestIdentity(state),
            }
          : signal === undefined
            ? NO_OPTIONS
            : { signal };
        return pipeline.rateLimiter.schedule(state.target.origin, () => next(state), options);
      };
    },
  };
}
