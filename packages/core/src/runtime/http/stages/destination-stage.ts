import { ApiCallError } from '../../../errors/api-call-error';
import { DestinationRefusedError } from '../../../errors/destination-refused-error';
import type { ClientContext } from '../client-context';
import { raceAbort } from '../race-abort';
import { urlOf } from '../request-target';
import { vetUrl } from '../vet-destination';
import type { RequestStage } from './request-stage';

/**
 * Vets every hop against the client's destination policy before it is sent, the first hop
 * included: Node never looks up an IP literal, and a host dispatcher or a reused keep-alive
 * connection never runs the guarded lookup. The attempt bounds the check: a resolver that
 * never answers cannot outlive the attempt's deadline. No policy: the stage is not there.
 */
export function destinationStage(context: ClientContext): RequestStage {
  return {
    name: 'destination',
    wrap(next) {
      const policy = context.options.destinationPolicy;
      if (policy === undefined) return next;
      return async (state) => {
        try {
          await raceAbort(vetUrl(urlOf(state.hop), policy), state.attempt?.signal);
        } catch (error) {
          if (DestinationRefusedError.isInstance(error)) {
            throw error.forRequest({ url: state.redactedUrl, method: state.method });
          }
          if (ApiCallError.isInstance(error)) {
            throw new ApiCallError({
              message: `${state.method} ${state.redactedUrl}: ${error.message}`,
              reason: error.reason,
              isRetryable: error.isRetryable,
              url: state.redactedUrl,
              method: state.method,
              cause: error,
            });
          }
          throw error;
        }
        return next(state);
      };
    },
  };
}
