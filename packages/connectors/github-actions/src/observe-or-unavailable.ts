import { type FactObservationV1, unavailableReasonOf } from '@evidencekit/core';

/**
 * Runs one fact's requests; when they fail with a typed Evidencekit error, that fact alone is
 * `unavailable` with the error's reason and (already redacted) message, so the facts that
 * could be read are still reported. Cancellation and unexpected errors propagate: the engine
 * owns those.
 */
export async function observeOrUnavailable<Name extends string>(
  name: Name,
  signal: AbortSignal,
  observe: () => Promise<FactObservationV1<Name>>,
): Promise<FactObservationV1<Name>> {
  try {
    return await observe();
  } catch (error) {
    const reason = unavailableReasonOf(error);
    if (signal.aborted || reason === undefined) throw error;
    return { name, kind: 'unavailable', reason, message: (error as Error).message };
  }
}
