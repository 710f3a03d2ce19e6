import { deploymentFixture } from '../../../packages/connectors/kubernetes/test/fixtures/deployment';
import { healthyPodList } from '../../../packages/connectors/kubernetes/test/fixtures/pods';
import { replicaSetListFixture } from '../../../packages/connectors/kubernetes/test/fixtures/replica-sets';

// Kubernetes bodies come from the connector's own test fixtures (trimmed from the API reference
// examples; their sources are noted there); every target reads the same healthy Deployment in
// its own namespace.

/** A Deployment in `namespace`. */
export function kubernetesDeployment(namespace: string): unknown {
  const deployment = deploymentFixture();
  return { ...deployment, metadata: { ...deployment.metadata, namespace } };
}

/** The ReplicaSets of that Deployment. */
export const kubernetesReplicaSets: unknown = replicaSetListFixture;

/** Its three healthy pods. */
export const kubernetesPods: unknown = healthyPodList;

/**
 * A Prometheus instant-query answer (prometheus.io/docs/prometheus/latest/querying/api/) for a
 * default query of the connector: a healthy value for each fact, sampled at `nowSeconds`.
 */
export function prometheusAnswer(query: string, nowSeconds: number): unknown {
  const value = query.includes('timestamp(')
    ? String(nowSeconds)
    : query.includes('histogram_quantile')
      ? '0.121'
      : query.includes('container_cpu_usage_seconds_total')
        ? '0.42'
        : query.includes('increase(')
          ? '1284'
          : '0.0021';
  return {
    status: 'success',
    data: { resultType: 'vector', result: [{ metric: {}, value: [nowSeconds, value] }] },
  };
}
