import { ApiCallError } from '../../../errors/api-call-error';
import { DestinationRefusedError } from '../../../errors/destination-refused-error';
import type { Redactor } from '../../redaction/redactor';
import { cancelledError } from '../../retry/retry-api-call';
import { startDeadline } from '../../retry/start-deadline';
import { type AbortWatcher, unwatchAbort, watchAbort } from '../abort-watchers';
import { AttemptAbortState } from '../attempt-abort';
import { classifyTransportError, type TransportClassification } from '../classify-transport-error';
import type { ClientContext } from '../client-context';
import { describeThrown } from '../describe-thrown';
import type { RawHttpResponse } from '../raw-http-response';
import type { RequestState } from '../request-state';
import type { RequestStage } from './request-stage';

/** Marks an abort caused by the per-attempt deadline, not by the caller (the fast path uses it too). */
export class AttemptTimeout extends Error {}

/**
 * One attempt: its deadline (redirects and the body included), the caller's abort, the
 * `request.start` / `request.end` events and the translation of whatever failed below into
 * an `ApiCallError` (timeout, cancelled, refused destination, network failure by its code).
 */
export function attemptStage(context: ClientContext): RequestStage {
  const { pipeline } = context;
  const { clock } = pipeline;
  return {
    name: 'attempt',
    wrap(next) {
      return (state) => {
        const startedAt = clock.now();
        if (context.observed('request.start')) {
          pipeline.events.emit({
            type: 'request.start',
            requestId: state.requestId,
            method: state.method,
            url: state.redactedUrl,
            attempt: state.attemptNumber,
            ...context.connectorFields,
          });
        }
        const attempt = new AttemptAbortState();
        state.attempt = attempt;
        const callerSignal = state.signal;
        const onCallerAbort: AbortWatcher = { onSignalAbort: (reason) => attempt.abort(reason) };
        if (callerSignal?.aborted) attempt.abort(callerSignal.reason);
        else if (callerSignal !== undefined) watchAbort(callerSignal, onCallerAbort);
        const stopDeadline = startDeadline(clock, state.timeoutMs, () =>
          attempt.abort(new AttemptTimeout()),
        );
        const done = () => {
          stopDeadline();
          if (callerSignal !== undefined) unwatchAbort(callerSignal, onCallerAbort);
          state.attempt = undefined;
        };
        let sent: Promise<RawHttpResponse>;
        try {
          sent = next(state);
        } catch (error) {
          sent = Promise.reject(error);
        }
        return sent.then(
          (response) => {
            done();
            const durationMs = Math.max(0, clock.now() - startedAt);
            // The transport built this object for this attempt alone.
            response.durationMs = durationMs;
            state.lastDurationMs = durationMs;
            if (context.observed('request.end')) {
              pipeline.events.emit({
                type: 'request.end',
                requestId: state.requestId,
                method: state.method,
                url: state.redactedUrl,
                status: response.status,
                durationMs,
                fromCache: false,
                ...context.connectorFields,
              });
            }
            return response;
          },
          (caught: unknown) => {
            done();
            const error = toApiCallError(caught, state, attempt, pipeline.redactor);
            if (context.observed('request.end')) {
              pipeline.events.emit({
                type: 'request.end',
                requestId: state.requestId,
                method: state.method,
                url: state.redactedUrl,
                ...(error.status === undefined ? {} : { status: error.status }),
                durationMs: clock.now() - startedAt,
                fromCache: false,
                error: error.reason,
                message: error.message,
                ...context.connectorFields,
              });
            }
            throw error;
          },
        );
      };
    },
  };
}

/** What failed below the attempt stage, as the typed error the caller sees. */
export function toApiCallError(
  caught: unknown,
  state: RequestState,
  attempt: AttemptAbortState,
  redactor: Redactor,
): ApiCallError {
  if (ApiCallError.isInstance(caught)) return caught;
  const base = { url: state.redactedUrl, method: state.method };
  // A guarded lookup refused the address of a new connection (the error is its cause).
  const refusal = findDestinationRefusal(caught);
  if (refusal !== undefined) return refusal.forRequest(base);
  if (attempt.aborted) {
    if (attempt.reason instanceof AttemptTimeout) {
      return new ApiCallError({
        ...base,
        message: `${state.method} ${state.redactedUrl}: no complete answer within ${state.timeoutMs} ms.`,
        reason: 'timeout',
        isRetryable: true,
      });
    }
    return cancelledError(base, attempt.reason);
  }
  const classification = classifyTransportError(caught);
  return new ApiCallError({
    ...base,
    message: `${state.method} ${state.redactedUrl}: ${transportFailureMessage(classification, caught, redactor)}`,
    reason: classification.reason,
    isRetryable: classification.isRetryable,
    // No `cause`: the raw error is unredacted, and printing an error prints its cause.
  });
}

/**
 * What went wrong, in words: a network failure by its code; anything else with its own
 * (redacted) message, since that is the only clue to a bug or a bad setting.
 */
function transportFailureMessage(
  classification: TransportClassification,
  caught: unknown,
  redactor: Redactor,
): string {
  const code = classification.code === undefined ? '' : ` (${classification.code})`;
  switch (classification.kind) {
    case 'network':
      return classification.code === 'ENOTFOUND'
        ? `the host name does not resolve${code}; check the host in the URL.`
        : `the connection failed${code}.`;
    case 'timeout':
      return `the connection timed out${code}.`;
    case 'tls':
      return `the TLS connection was refused${code}: ${describeThrown(caught, redactor)}. Trust the server's CA with \`tls.ca\`, or fix its certificate.`;
    case 'protocol':
      return `the server's answer is not valid HTTP${code}.`;
    case 'runtime':
      return `the request failed before an answer, not from a network error, so it is not retried${code}: ${describeThrown(caught, redactor)}`;
  }
}

function findDestinationRefusal(error: unknown): DestinationRefusedError | undefined {
  let current: unknown = error;
  // Bounded: a cause chain may be cyclic.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (DestinationRefusedError.isInstance(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
