import type { FactObservationV1, FactSource } from '@evidencekit/core/connector';
import type { KubernetesFactName } from './kubernetes-facts';
import { describeContainers, type PodSummary } from './summarize-pods';

type Observation = FactObservationV1<KubernetesFactName>;

/** What the pod facts depend on besides the pods. */
export interface PodObservationContext {
  /** The container whose digest is reported. */
  container: string;
  /** `scope.release.artifactDigest`, when the scope names one. */
  artifactDigest: string | undefined;
  /** True while the rollout is still progressing: missing pods or digests are then pending. */
  rolloutInProgress: boolean;
  source: FactSource;
}

/**
 * `pod_restarts`, `image_digest` and (with an artifact digest in scope) `image_digest_match`
 * from the current ReplicaSet's pods. No pods, or no digest yet, is `pending` while the
 * rollout progresses and `empty` after, so an unstarted release never passes.
 */
export function podObservations(
  summary: PodSummary,
  context: PodObservationContext,
): Observation[] {
  const { source } = context;
  const notYet = (name: KubernetesFactName, why: string): Observation =>
    context.rolloutInProgress
      ? { name, kind: 'pending', reason: 'in_progress', message: why, source }
      : { name, kind: 'empty', detail: why, source };
  const digestFacts: KubernetesFactName[] =
    context.artifactDigest === undefined
      ? ['image_digest']
      : ['image_digest', 'image_digest_match'];

  if (summary.podCount === 0) {
    const why = 'the current ReplicaSet has no pods yet';
    return [notYet('pod_restarts', why), ...digestFacts.map((name) => notYet(name, why))];
  }

  const observations: Observation[] = [restartObservation(summary, source)];
  const digests = [...summary.digests.keys()];
  const [onlyDigest] = digests;
  if (digests.length === 0) {
    const why = `no pod reports a registry digest for container "${context.container}" (imageID without @sha256)`;
    observations.push(...digestFacts.map((name) => notYet(name, why)));
    return observations;
  }
  if (summary.podsWithoutDigest.length > 0 && context.rolloutInProgress) {
    const why = `${summary.podsWithoutDigest.length} pod(s) have not started container "${context.container}" yet`;
    observations.push(...digestFacts.map((name) => notYet(name, why)));
    return observations;
  }
  const detail = digests
    .map((digest) => `${digest}: ${summary.digests.get(digest)?.length ?? 0} pod(s)`)
    .join('; ');
  observations.push(
    digests.length === 1 && onlyDigest !== undefined
      ? { name: 'image_digest', kind: 'word', value: onlyDigest, source }
      : { name: 'image_digest', kind: 'word', value: 'mixed', detail, source },
  );
  if (context.artifactDigest !== undefined) {
    const expected = context.artifactDigest.toLowerCase();
    const matches = digests.length === 1 && onlyDigest === expected;
    observations.push({
      name: 'image_digest_match',
      kind: 'word',
      value: matches ? 'match' : 'mismatch',
      ...(matches ? {} : { detail: `expected ${expected}; running ${detail}` }),
      source,
    });
  }
  return observations;
}

function restartObservation(summary: PodSummary, source: FactSource): Observation {
  const display = `${summary.totalRestarts} restart${summary.totalRestarts === 1 ? '' : 's'}`;
  if (summary.crashLooping.length > 0) {
    return {
      name: 'pod_restarts',
      kind: 'failed',
      reason: 'provider_failed',
      value: display,
      message: `containers are in CrashLoopBackOff: ${describeContainers(summary.crashLooping)}`,
      source,
    };
  }
  return {
    name: 'pod_restarts',
    kind: 'measured',
    value: summary.totalRestarts,
    unit: 'count',
    display,
    ...(summary.restarted.length === 0 ? {} : { detail: describeContainers(summary.restarted) }),
    source,
  };
}
