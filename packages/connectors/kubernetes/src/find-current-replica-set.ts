import type { Deployment } from './api/deployment-schema';
import type { ReplicaSet } from './api/replica-set-list-schema';

/** The annotation the deployment controller numbers revisions with. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/**
 * The ReplicaSet of the Deployment's current revision: controlled by the Deployment (owner
 * UID, so an unrelated ReplicaSet with overlapping labels is never taken) and annotated with
 * the same revision.
 */
export function findCurrentReplicaSet(
  deployment: Deployment,
  replicaSets: readonly ReplicaSet[],
): ReplicaSet | undefined {
  const revision = deployment.metadata.annotations?.[REVISION_ANNOTATION];
  if (revision === undefined) return undefined;
  const ownerUid = deployment.metadata.uid;
  return replicaSets.find(
    (replicaSet) =>
      replicaSet.metadata.annotations?.[REVISION_ANNOTATION] === revision &&
      (ownerUid === undefined ||
        ownerUid === null ||
        (replicaSet.metadata.ownerReferences ?? []).some(
          (owner) => owner.uid === ownerUid && owner.controller === true,
        )),
  );
}
