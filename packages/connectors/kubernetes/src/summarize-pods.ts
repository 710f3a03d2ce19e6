import type { ContainerStatus, Pod } from './api/pod-list-schema';

/** Waiting reasons that mean a container keeps failing rather than still starting. */
const CRASH_WAITING_REASONS = new Set(['CrashLoopBackOff']);

/** One container that restarted or is crash-looping, for messages. */
export interface RestartedContainer {
  pod: string;
  container: string;
  restarts: number;
  /** `CrashLoopBackOff` and the like, when the container is waiting. */
  waitingReason?: string;
  /** `OOMKilled`, `Error`, … of the last termination. */
  lastTerminationReason?: string;
}

/** What the pods of the current ReplicaSet say about restarts and images. */
export interface PodSummary {
  podCount: number;
  totalRestarts: number;
  restarted: RestartedContainer[];
  crashLooping: RestartedContainer[];
  /** Digests the selected container runs, with the pods running each. */
  digests: Map<string, string[]>;
  /** Pods whose selected container reports no registry digest yet (not started, local image). */
  podsWithoutDigest: string[];
}

const digestPattern = /@(sha256:[0-9a-f]{64})$/i;

/**
 * Sums restarts of every container (init containers included: restartable sidecars are init
 * containers) and collects the image digest of `container` from `imageID`, which names the
 * digest the kubelet actually pulled, not the tag in the spec.
 */
export function summarizePods(pods: readonly Pod[], container: string): PodSummary {
  const summary: PodSummary = {
    podCount: pods.length,
    totalRestarts: 0,
    restarted: [],
    crashLooping: [],
    digests: new Map(),
    podsWithoutDigest: [],
  };
  for (const pod of pods) {
    const statuses: ContainerStatus[] = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ];
    for (const status of statuses) {
      summary.totalRestarts += status.restartCount;
      const waitingReason = status.state?.waiting?.reason ?? undefined;
      const lastTerminationReason = status.lastState?.terminated?.reason ?? undefined;
      const entry: RestartedContainer = {
        pod: pod.metadata.name,
        container: status.name,
        restarts: status.restartCount,
        ...(waitingReason === undefined ? {} : { waitingReason }),
        ...(lastTerminationReason === undefined ? {} : { lastTerminationReason }),
      };
      if (waitingReason !== undefined && CRASH_WAITING_REASONS.has(waitingReason)) {
        summary.crashLooping.push(entry);
      } else if (status.restartCount > 0) {
        summary.restarted.push(entry);
      }
    }
    const selected = pod.status?.containerStatuses?.find((status) => status.name === container);
    const digest = selected?.imageID?.match(digestPattern)?.[1]?.toLowerCase();
    if (digest === undefined) {
      summary.podsWithoutDigest.push(pod.metadata.name);
    } else {
      summary.digests.set(digest, [...(summary.digests.get(digest) ?? []), pod.metadata.name]);
    }
  }
  return summary;
}

/** `pod/container: 3 restarts (OOMKilled)` for up to `limit` containers. */
export function describeContainers(containers: readonly RestartedContainer[], limit = 3): string {
  const shown = containers.slice(0, limit).map((entry) => {
    const reasons = [
      entry.waitingReason,
      entry.lastTerminationReason && `last: ${entry.lastTerminationReason}`,
    ]
      .filter((reason) => reason !== undefined && reason !== '')
      .join(', ');
    return `${entry.pod}/${entry.container}: ${entry.restarts} restart${entry.restarts === 1 ? '' : 's'}${
      reasons === '' ? '' : ` (${reasons})`
    }`;
  });
  const more = containers.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
