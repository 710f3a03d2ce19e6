import { type FactObservationV1, type FactSource, unavailableReasonOf } from '@evidencekit/core';

// Shared helper, kept byte-identical in every connector that has it (the repository's surface
// test compares the copies) until core exports it: see docs/writing-a-connector.md.

/**
 * Runs one fact's observation. When it fails with a typed Evidencekit error, that fact alone
 * is `unavailable` with the error's reason and (already redacted) message, and the facts that
 * could be read are still reported. A cancelled run and untyped errors (bugs) propagate: the
 * engine owns those and never turns them into a pass.
 */
export async function observeOrUnavailable<Name extends string>(
  name: Name,
  context: { signal: AbortSignal; source?: FactSource },
  observe: () => Promise<FactObservationV1<Name>>,
): Promise<FactObservationV1<Name>> {
  try {
    return await observe();
  } catch (error) {
    const reason = unavailableReasonOf(error);
    if (context.signal.aborted || reason === undefined) throw error;
    return {
      name,
      kind: 'unavailable',
      reason,
      message: error instanceof Error ? error.message : String(error),
      ...(context.source === undefined ? {} : { source: context.source }),
    };
  }
}
