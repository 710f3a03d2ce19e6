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

/** The reason the controller sets on `Progressing` when the progress deadline passed. */
export const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded';

/**
 * Judges a rollout exactly as `kubectl rollout status` does, in the same order: until the
 * controller has observed the latest generation nothing else can be trusted; then a
 * `Progressing` condition with reason `ProgressDeadlineExceeded` fails; then the rollout waits
 * for every replica to be updated, for old replicas to terminate and for the updated ones to
 * become available.
 */
export function evaluateRollout(deployment: Deployment): RolloutAssessment {
  const name = deployment.metadata.name;
  const generation = deployment.metadata.generation ?? 0;
  const status = deployment.status ?? {};
  const observedGeneration = status.observedGeneration ?? 0;
  if (observedGeneration < generation) {
    return {
      state: 'Progressing',
      generationObserved: false,
      message: `waiting for the deployment controller to observe generation ${generation} of "${name}" (observed: ${observedGeneration})`,
    };
  }
  const progressing = findCondition(status.conditions, 'Progressing');
  if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
    return {
      state: 'Failed',
      generationObserved: true,
      message: `deployment "${name}" exceeded its progress deadline${
        progressing.message ? `: ${progressing.message}` : ''
      }`,
    };
  }
  // The API server defaults spec.replicas to 1; a missing value means the default.
  const desired = deployment.spec.replicas ?? 1;
  const replicas = status.replicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const paused = deployment.spec.paused === true ? ' (the Deployment is paused)' : '';
  if (updated < desired) {
    return {
      state: 'Progressing',
      generationObserved: true,
      message: `waiting for "${name}": ${updated} of ${desired} new replicas have been updated${paused}`,
    };
  }
  if (replicas > updated) {
    return {
      state: 'Progressing',
      generationObserved: true,
      message: `waiting for "${name}": ${replicas - updated} old replicas are pending termination${paused}`,
    };
  }
  if (available < updated) {
    return {
      state: 'Progressing',
      generationObserved: true,
      message: `waiting for "${name}": ${available} of ${updated} updated replicas are available${paused}`,
    };
  }
  return {
    state: 'Complete',
    generationObserved: true,
    message: `deployment "${name}" successfully rolled out`,
  };
}

/** The condition of `type`, when the controller reported one. */
export function findCondition(
  conditions: readonly DeploymentCondition[] | null | undefined,
  type: string,
): DeploymentCondition | undefined {
  return conditions?.find((condition) => condition.type === type);
}
