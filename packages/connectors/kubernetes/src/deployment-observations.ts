import type { FactObservationV1, FactSource } from '@evidencekit/core';
import type { Deployment } from './api/deployment-schema';
import type { RolloutAssessment } from './evaluate-rollout';
import type { KubernetesFactName } from './kubernetes-facts';

type Observation = FactObservationV1<KubernetesFactName>;

/**
 * `rollout_status` and `available_replicas` from the Deployment alone. A progressing rollout
 * is `pending` (never judged by a threshold), an exceeded progress deadline is a failure the
 * provider reports, and a Deployment scaled to zero has nothing available to measure.
 */
export function deploymentObservations(
  deployment: Deployment,
  rollout: RolloutAssessment,
  source: FactSource,
): Observation[] {
  const rolloutStatus: Observation =
    rollout.state === 'Complete'
      ? { name: 'rollout_status', kind: 'word', value: 'Complete', source }
      : rollout.state === 'Failed'
        ? {
            name: 'rollout_status',
            kind: 'failed',
            reason: 'provider_failed',
            value: 'Failed',
            message: rollout.message,
            source,
          }
        : {
            name: 'rollout_status',
            kind: 'pending',
            reason: 'in_progress',
            value: 'Progressing',
            message: rollout.message,
            source,
          };

  const desired = deployment.spec.replicas ?? 1;
  const available = deployment.status?.availableReplicas ?? 0;
  let availability: Observation;
  if (!rollout.generationObserved) {
    // Counts describe the previous spec until the controller catches up.
    availability = {
      name: 'available_replicas',
      kind: 'pending',
      reason: 'in_progress',
      message: rollout.message,
      source,
    };
  } else if (desired === 0) {
    availability = {
      name: 'available_replicas',
      kind: 'empty',
      detail: 'the Deployment is scaled to zero replicas',
      source,
    };
  } else {
    availability = {
      name: 'available_replicas',
      kind: 'measured',
      value: (available / desired) * 100,
      unit: '%',
      display: `${available}/${desired} (${formatPercent(available / desired)})`,
      source,
    };
  }
  return [rolloutStatus, availability];
}

function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}
