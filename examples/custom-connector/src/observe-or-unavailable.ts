import { ApiCallError, type FactObservationV1, type FactSource } from '@evidencekit/core';
import type { StatuspageFactName } from './statuspage-facts';

/**
 * Runs one fact's observation and turns a failed provider call into an `unavailable`
 * observation with the call's typed reason, so one failing endpoint spoils only its own fact.
 * A cancelled run and anything that is not a provider failure (a bug) go to the engine.
 */
export async function observeOrUnavailable(
  name: StatuspageFactName,
  source: FactSource,
  observe: (source: FactSource) => Promise<FactObservationV1<StatuspageFactName>>,
): Promise<FactObservationV1<StatuspageFactName>> {
  try {
    return await observe(source);
  } catch (error) {
    if (!ApiCallError.isInstance(error) || error.reason === 'cancelled') throw error;
    return { name, kind: 'unavailable', reason: error.reason, message: error.message, source };
  }
}
