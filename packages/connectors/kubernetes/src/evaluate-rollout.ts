import type { Deployment, DeploymentCondition } from './api/deployment-schema';

/** Where a Deployment rollout stands, in the words of `rollout_status`. */
export type RolloutState = 'Complete' | 'Progressing' | 'Failed';

/** The rollout state and why, in `kubectl rollout status` terms. */
export interface RolloutAssessment {
  state: RolloutState;
  message: string;
  /** False while the controller has not yet observed the latest spec. */
  generationObserved: boolean;
}

/**
 * Judges a rollout like `kubectl rollout status`, stricter where the provider says something
 * failed. In order: until the controller has observed the latest generation nothing else can be
 * trusted (pending); `Progressing=False` with any reason (`ProgressDeadlineExceeded`,
 * `ReplicaSetCreateError`, …) or `ReplicaFailure=True` (e.g. `FailedCreate` from a quota) fails,
 * naming the condition; then the rollout waits for every replica to be updated, for old
 * replicas to terminate and for the updated ones to become available; and a rollout whose
 * counts look done while `Available=False` still waits. Only then is it complete.
 */
export function evaluateRollout(deployment: Deployment): RolloutAssessment {
  const name = deployment.metadata.name;
  const generation = deployment.metadata.generation ?? 0;
  const status = deployment.status ?? {};
  const conditions = status.conditions;
  const observedGeneration = status.observedGeneration ?? 0;
  const failure = failureCondition(conditions);
  if (observedGeneration < generation) {
    return {
      state: 'Progressing',
      generationObserved: false,
      message: `waiting for the deployment controller to observe generation ${generation} of "${name}" (observed: ${observedGeneration})${
        failure === undefined ? '' : `; the controller reports ${describeCondition(failure)}`
      }`,
    };
  }
  if (failure !== undefined) {
    return {
      state: 'Failed',
      generationObserved: true,
      message: `deployment "${name}" failed: ${describeCondition(failure)}`,
    };
  }
  // The API server defaults spec.replicas to 1; a missing value means the default.
  const desired = deployment.spec.replicas ?? 1;
  const replicas = status.replicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const paused = deployment.spec.paused === true ? ' (the Deployment is paused)' : '';
  const waiting = (why: string): RolloutAssessment => ({
    state: 'Progressing',
    generationObserved: true,
    message: `waiting for "${name}": ${why}${paused}`,
  });
  if (updated < desired) return waiting(`${updated} of ${desired} new replicas have been updated`);
  if (replicas > updated)
    return waiting(`${replicas - updated} old replicas are pending termination`);
  if (available < updated) {
    return waiting(`${available} of ${updated} updated replicas are available`);
  }
  const unavailable = conditions?.find(
    (condition) => condition.type === 'Available' && condition.status === 'False',
  );
  if (unavailable !== undefined)
    return waiting(`the controller reports ${describeCondition(unavailable)}`);
  return {
    state: 'Complete',
    generationObserved: true,
    message: `deployment "${name}" successfully rolled out`,
  };
}

/** `Progressing=False` (any reason) or `ReplicaFailure=True`: the controller says the rollout fails. */
function failureCondition(
  conditions: readonly DeploymentCondition[] | null | undefined,
): DeploymentCondition | undefined {
  return (
    conditions?.find(
      (condition) => condition.type === 'Progressing' && condition.status === 'False',
    ) ??
    conditions?.find(
      (condition) => condition.type === 'ReplicaFailure' && condition.status === 'True',
    )
  );
}

/** `Progressing=False (ProgressDeadlineExceeded): ReplicaSet "…" has timed out progressing.` */
function describeCondition(condition: DeploymentCondition): string {
  const reason = condition.reason ? ` (${condition.reason})` : '';
  const message = condition.message ? `: ${condition.message}` : '';
  return `${condition.type}=${condition.status}${reason}${message}`;
}
