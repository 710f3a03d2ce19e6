import type { FactObservationV1, FactSource } from '@evidencekit/core/connector';
import type { ReportProblem } from './report-problem';
import { TRIVY_FACTS, type TrivyFactName } from './trivy-facts';

/** Every catalog fact `unavailable` for one problem: a report that cannot be read proves nothing. */
export function unavailableObservations(
  problem: ReportProblem,
  source: FactSource | undefined,
): FactObservationV1<TrivyFactName>[] {
  return TRIVY_FACTS.map((fact) => ({
    name: fact.name,
    kind: 'unavailable',
    reason: problem.reason,
    message: problem.message,
    ...(source === undefined ? {} : { source }),
  }));
}
