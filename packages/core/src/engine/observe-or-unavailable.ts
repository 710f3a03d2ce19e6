import type { FactObservationV1 } from '../contract/v1/fact-observation-v1';
import type { FactSource } from '../evidence/evidence-schema';
import { unavailableReasonOf } from './unavailable-reason-of';

/**
 * Runs one fact's observation inside a connector's `doCollect`. When it fails with a typed
 * Evidencekit error (an `ApiCallError`, an `InvalidResponseError`, a `ConfigurationError`…),
 * that fact alone is `unavailable` with the error's reason and (already redacted) message, so
 * the facts that could be read are still reported. A cancelled call and untyped errors (bugs)
 * propagate: the engine owns those and never turns them into a pass.
 *
 * @example
 * ```ts
 * const facts = await Promise.all([
 *   observeOrUnavailable('open_incidents', { signal, source }, () => observeIncidents(client)),
 *   observeOrUnavailable('component_status', { signal }, () => observeComponent(client)),
 * ]);
 * ```
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
