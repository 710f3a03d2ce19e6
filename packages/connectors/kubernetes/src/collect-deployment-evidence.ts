import {
  type CollectOptionsV1,
  type CollectResultV1,
  type FactObservationV1,
  type FactSource,
  type JsonValue,
  unavailableReasonOf,
} from '@evidencekit/core/connector';
import type { Deployment } from './api/deployment-schema';
import type { ReplicaSet } from './api/replica-set-list-schema';
import { createKubernetesClient, type KubernetesClient } from './create-kubernetes-client';
import { type CurrentReplicaSetLookup, deploymentObservations } from './deployment-observations';
import { evaluateRollout, type RolloutAssessment } from './evaluate-rollout';
import { findCurrentReplicaSet, REVISION_ANNOTATION } from './find-current-replica-set';
import { formatLabelSelector } from './format-label-selector';
import type { KubernetesFactName } from './kubernetes-facts';
import type { ParsedKubernetesSelector } from './kubernetes-selector';
import type { KubernetesConfig } from './kubernetes-settings';
import { podObservations } from './pod-observations';
import { resolveClusterConnection } from './resolve-cluster-connection';
import { summarizePods } from './summarize-pods';

type Observation = FactObservationV1<KubernetesFactName>;
type Options = CollectOptionsV1<KubernetesConfig, ParsedKubernetesSelector>;

const POD_TEMPLATE_HASH = 'pod-template-hash';

/**
 * Collects the facts of one Deployment. `observedAt` is left to core (the fetch time): the
 * API server returns live state, and condition times only say when the state last changed, so
 * a Deployment stable for a week would otherwise look a week stale.
 *
 * A failure reading the Deployment fails the whole target (core maps the typed error); a
 * failure reading ReplicaSets or pods only makes the pod facts unavailable.
 */
export async function collectDeploymentEvidence(
  options: Options,
): Promise<CollectResultV1<KubernetesFactName>> {
  const { selector, runtime, scope } = options;
  const artifactDigest = scope.release?.artifactDigest;
  const namespace = selector.namespace;
  if (namespace === undefined || namespace === '*') {
    return { facts: refuseClusterWide(artifactDigest !== undefined) };
  }

  const connection = await resolveClusterConnection(options.config, { redactor: runtime.redactor });
  const api = createKubernetesClient(runtime, connection);
  const deployment = await api.getDeployment(namespace, selector.deployment);
  const rollout = evaluateRollout(deployment);
  const deploymentSource: FactSource = {
    url: `${api.server.replace(/\/+$/, '')}${api.deploymentPath(namespace, selector.deployment)}`,
  };

  // Before the controller observed the spec, the revision annotation still names the previous
  // ReplicaSet: nothing is read that could be taken for the release.
  const currentReplicaSet: CurrentReplicaSetLookup = rollout.generationObserved
    ? await lookUpCurrentReplicaSet(api, deployment, namespace, deploymentSource)
    : { ok: true, replicaSet: undefined, why: rollout.message };
  const facts: Observation[] = [
    ...deploymentObservations(deployment, rollout, deploymentSource, currentReplicaSet),
    ...(await collectPodFacts({
      api,
      deployment,
      rollout,
      namespace,
      selector,
      artifactDigest,
      currentReplicaSet,
    })),
  ];
  return { facts, providerMetadata: describeDeployment(deployment, rollout) };
}

function refuseClusterWide(withDigestMatch: boolean): Observation[] {
  const message =
    'the target names no namespace (or "*"): this connector reads one Deployment in one namespace with a namespace-scoped Role; set selector.namespace';
  const names: KubernetesFactName[] = [
    'rollout_status',
    'available_replicas',
    'pod_restarts',
    'image_digest',
    ...(withDigestMatch ? (['image_digest_match'] as const) : []),
  ];
  return names.map((name) => ({ name, kind: 'unavailable', reason: 'scope', message }));
}

interface PodFactsInput {
  api: KubernetesClient;
  deployment: Deployment;
  rollout: RolloutAssessment;
  namespace: string;
  selector: ParsedKubernetesSelector;
  artifactDigest: string | undefined;
  currentReplicaSet: CurrentReplicaSetLookup;
}

/**
 * Lists the Deployment's ReplicaSets and picks the current revision's. A provider failure is
 * kept as the lookup's result (the facts that need it become unavailable); a cancelled call or
 * an error that is not a provider failure fails the whole target.
 */
async function lookUpCurrentReplicaSet(
  api: KubernetesClient,
  deployment: Deployment,
  namespace: string,
  source: FactSource,
): Promise<CurrentReplicaSetLookup> {
  try {
    const deploymentSelector = formatLabelSelector(
      deployment.spec.selector,
      {},
      { url: source.url ?? '' },
    );
    const replicaSets = await api.listReplicaSets(namespace, deploymentSelector);
    return {
      ok: true,
      replicaSet: findCurrentReplicaSet(deployment, replicaSets),
      why: `no ReplicaSet of revision ${
        deployment.metadata.annotations?.[REVISION_ANNOTATION] ?? '(none yet)'
      } is owned by the Deployment`,
    };
  } catch (error) {
    const reason = unavailableReasonOf(error);
    if (reason === undefined) throw error;
    return { ok: false, reason, message: (error as Error).message };
  }
}

async function collectPodFacts(input: PodFactsInput): Promise<Observation[]> {
  const { deployment, rollout, selector, artifactDigest } = input;
  const names: KubernetesFactName[] =
    artifactDigest === undefined
      ? ['pod_restarts', 'image_digest']
      : ['pod_restarts', 'image_digest', 'image_digest_match'];
  if (!rollout.generationObserved) {
    // The revision annotation still names the previous ReplicaSet: its pods are not the release.
    return names.map((name) => ({
      name,
      kind: 'pending',
      reason: 'in_progress',
      message: rollout.message,
    }));
  }
  const lookup = input.currentReplicaSet;
  if (!lookup.ok) {
    return names.map((name) => ({
      name,
      kind: 'unavailable',
      reason: lookup.reason,
      message: lookup.message,
    }));
  }
  let observations: Observation[];
  try {
    observations = await readPodFacts(input, names, lookup.replicaSet, lookup.why);
  } catch (error) {
    // Deployment facts stand on their own; only the pod facts lack their data. A cancelled
    // call or an error that is not a provider failure still fails the whole target.
    const reason = unavailableReasonOf(error);
    if (reason === undefined) throw error;
    return names.map((name) => ({
      name,
      kind: 'unavailable',
      reason,
      message: (error as Error).message,
    }));
  }
  const containers = deployment.spec.template.spec.containers.map((container) => container.name);
  const container = selector.container;
  if (container === undefined || containers.includes(container)) return observations;
  const message = `the Deployment has no container "${container}" (containers: ${containers.join(', ')}); fix selector.container`;
  return observations.map((observation) =>
    observation.name === 'pod_restarts'
      ? observation
      : { name: observation.name, kind: 'unavailable', reason: 'config', message },
  );
}

async function readPodFacts(
  input: PodFactsInput,
  names: readonly KubernetesFactName[],
  current: ReplicaSet | undefined,
  why: string,
): Promise<Observation[]> {
  const { api, deployment, rollout, namespace, selector, artifactDigest } = input;
  const server = api.server.replace(/\/+$/, '');
  const url = `${server}${api.deploymentPath(namespace, selector.deployment)}`;
  if (current === undefined) {
    return names.map((name) =>
      rollout.state === 'Progressing'
        ? { name, kind: 'pending', reason: 'in_progress', message: why }
        : { name, kind: 'empty', detail: why },
    );
  }
  const hash = current.metadata.labels?.[POD_TEMPLATE_HASH];
  const podSelector = formatLabelSelector(
    deployment.spec.selector,
    hash === undefined ? {} : { [POD_TEMPLATE_HASH]: hash },
    { url },
  );
  const pods = (await api.listPods(namespace, podSelector)).filter(
    (pod) =>
      // Terminating pods are on their way out; pods of another controller share labels only.
      (pod.metadata.deletionTimestamp ?? undefined) === undefined &&
      (pod.metadata.ownerReferences ?? []).some(
        (owner) => owner.uid === current.metadata.uid && owner.controller === true,
      ),
  );
  const container = selector.container ?? deployment.spec.template.spec.containers[0]?.name ?? '';
  return podObservations(summarizePods(pods, container), {
    container,
    artifactDigest,
    rolloutInProgress: rollout.state === 'Progressing',
    source: {
      url: `${server}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods?labelSelector=${encodeURIComponent(podSelector)}`,
    },
  });
}

function describeDeployment(
  deployment: Deployment,
  rollout: RolloutAssessment,
): Record<string, JsonValue> {
  const status = deployment.status ?? {};
  return {
    namespace: deployment.metadata.namespace ?? null,
    name: deployment.metadata.name,
    revision: deployment.metadata.annotations?.[REVISION_ANNOTATION] ?? null,
    generation: deployment.metadata.generation ?? null,
    observedGeneration: status.observedGeneration ?? null,
    replicas: deployment.spec.replicas ?? 1,
    updatedReplicas: status.updatedReplicas ?? 0,
    readyReplicas: status.readyReplicas ?? 0,
    availableReplicas: status.availableReplicas ?? 0,
    rollout: rollout.message,
    conditions: (status.conditions ?? []).map((condition) => ({
      type: condition.type,
      status: condition.status,
      reason: condition.reason ?? null,
      lastUpdateTime: condition.lastUpdateTime ?? null,
    })),
  };
}
