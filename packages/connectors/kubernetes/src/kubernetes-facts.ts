import type { FactDefinitionV1 } from '@evidencekit/core/connector';

/** The facts the Kubernetes connector can report. */
export const KUBERNETES_FACTS = [
  {
    name: 'rollout_status',
    description:
      'Whether the Deployment rollout finished, judged like `kubectl rollout status` (observed generation, updated, old and available replicas, progress deadline).',
    unit: 'word',
    defaultThreshold: '== Complete',
    defaultAction:
      'Run `kubectl rollout status deployment/<name> -n <namespace>`; if the progress deadline passed, check the new pods (`kubectl describe pods`) and roll back with `kubectl rollout undo`.',
  },
  {
    name: 'available_replicas',
    description:
      'Available replicas of the current revision (the new ReplicaSet) as a share of the desired replicas (`spec.replicas`); pending while a rollout is in progress.',
    unit: '%',
    // A surge or a scale-down can briefly make more replicas available than desired.
    range: { min: 0 },
    defaultThreshold: '>= 100%',
    defaultAction:
      'Check why pods are not available: `kubectl get pods -n <namespace>` and `kubectl describe deployment <name>` (scheduling, readiness probes, image pulls).',
  },
  {
    name: 'pod_restarts',
    description:
      "Container restarts in the pods of the Deployment's current ReplicaSet (the released version).",
    unit: 'count',
    defaultThreshold: '== 0',
    defaultAction:
      'Read the logs of the restarted containers (`kubectl logs <pod> --previous`) and their last termination reason (OOMKilled, Error); roll back if the release crashes.',
  },
  {
    name: 'image_digest',
    description:
      'The image digest (from `imageID`) the selected container runs in every current pod; `mixed` when the pods disagree.',
    unit: 'word',
    defaultThreshold: '!= mixed',
    defaultAction:
      'Pin the image by digest in the Deployment instead of a mutable tag, then restart the rollout so every pod runs the same image.',
  },
  {
    name: 'image_digest_match',
    description:
      "Whether every current pod runs the release's artifact digest (`scope.release.artifactDigest`); reported only when the scope names one.",
    unit: 'word',
    defaultThreshold: '== match',
    defaultAction:
      'Deploy the released artifact: the cluster runs another image than the one the evidence is about. Check the image reference in the Deployment and the registry digest.',
  },
] as const satisfies readonly FactDefinitionV1[];

/** The name of a Kubernetes fact. */
export type KubernetesFactName = (typeof KUBERNETES_FACTS)[number]['name'];
