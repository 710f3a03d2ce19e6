import type {
  FactObservationV1,
  FactSource,
  unavailableReasonOf,
} from '@evidencekit/core/connector';
import type { Deployment } from './api/deployment-schema';
import type { ReplicaSet } from './api/replica-set-list-schema';
import type { RolloutAssessment } from './evaluate-rollout';
import type { KubernetesFactName } from './kubernetes-facts';

type Observation = FactObservationV1<KubernetesFactName>;

/**
 * `rollout_status` and `available_replicas`. A progressing rollout is `pending` for both (never
 * judged by a threshold), a failure condition the controller reports fails the rollout, and a
 * Deployment scaled to zero has nothing available to measure.
 */
export function deploymentObservations(
  deployment: Deployment,
  rollout: RolloutAssessment,
  source: FactSource,
  currentReplicaSet: CurrentReplicaSetLookup,
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

  return [rolloutStatus, availabilityObservation(deployment, rollout, source, currentReplicaSet)];
}

/** The ReplicaSet of the current revision, as read for a target (or why it could not be). */
export type CurrentReplicaSetLookup =
  | { ok: true; replicaSet: ReplicaSet | undefined; why: string }
  | { ok: false; reason: NonNullable<ReturnType<typeof unavailableReasonOf>>; message: string };

/**
 * `available_replicas`: available replicas of the current revision as a share of
 * `spec.replicas`. `pending` while the rollout is in progress (the Deployment's own count then
 * includes the previous revision's pods). Complete means no old replicas remain, so the
 * Deployment's count is the current revision's; after a failed rollout it is the current
 * ReplicaSet's own count, never more than `updatedReplicas`.
 */
function availabilityObservation(
  deployment: Deployment,
  rollout: RolloutAssessment,
  source: FactSource,
  currentReplicaSet: CurrentReplicaSetLookup,
): Observation {
  const name = 'available_replicas';
  const desired = deployment.spec.replicas ?? 1;
  const status = deployment.status ?? {};
  const updated = status.updatedReplicas ?? 0;
  if (rollout.state === 'Progressing') {
    return { name, kind: 'pending', reason: 'in_progress', message: rollout.message, source };
  }
  if (desired === 0) {
    return { name, kind: 'empty', detail: 'the Deployment is scaled to zero replicas', source };
  }
  let available: number;
  let detail: string | undefined;
  if (rollout.state === 'Complete') {
    available = Math.min(status.availableReplicas ?? 0, updated);
  } else if (!currentReplicaSet.ok) {
    return {
      name,
      kind: 'unavailable',
      reason: currentReplicaSet.reason,
      message: currentReplicaSet.message,
      source,
    };
  } else if (currentReplicaSet.replicaSet === undefined) {
    available = 0;
    detail = currentReplicaSet.why;
  } else {
    available = Math.min(currentReplicaSet.replicaSet.status?.availableReplicas ?? 0, updated);
    detail = `of ReplicaSet "${currentReplicaSet.replicaSet.metadata.name}" (the current revision)`;
  }
  return {
    name,
    kind: 'measured',
    value: (available / desired) * 100,
    unit: '%',
    display: `${available}/${desired} (${formatPercent(available / desired)})`,
    ...(detail === undefined ? {} : { detail }),
    source,
  };
}

function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}
