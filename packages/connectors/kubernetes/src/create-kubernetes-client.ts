import type { ConnectorRuntime, HttpClient } from '@evidencekit/core/connector';
import type { ZodType } from 'zod';
import { type Deployment, deploymentSchema } from './api/deployment-schema';
import { type Pod, podListSchema } from './api/pod-list-schema';
import { type ReplicaSet, replicaSetListSchema } from './api/replica-set-list-schema';
import { selfSubjectAccessReviewSchema } from './api/self-subject-access-review-schema';
import {
  type SelfSubjectRulesReview,
  selfSubjectRulesReviewSchema,
} from './api/self-subject-rules-review-schema';
import type { ClusterConnection } from './cluster-connection';
import { describeKubernetesError } from './describe-kubernetes-error';
import { listAllItems } from './list-all-items';

/** What a `SelfSubjectAccessReview` asks: may I do `verb` on `resource`? */
export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  /** Absent or empty: in every namespace. */
  namespace?: string;
}

/** The few Kubernetes API calls the connector makes, on the runtime's HTTP client. */
export interface KubernetesClient {
  /** The API server's base URL. */
  readonly server: string;
  /** API paths, for fact sources. */
  deploymentPath(namespace: string, name: string): string;
  getDeployment(namespace: string, name: string): Promise<Deployment>;
  listReplicaSets(namespace: string, labelSelector: string): Promise<ReplicaSet[]>;
  listPods(namespace: string, labelSelector: string): Promise<Pod[]>;
  reviewRules(namespace: string): Promise<SelfSubjectRulesReview>;
  reviewAccess(attributes: ResourceAttributes): Promise<boolean>;
}

const AUTHORIZATION = '/apis/authorization.k8s.io/v1';

/**
 * Binds the Kubernetes API to one cluster connection. The token goes to the runtime as bearer
 * auth, so it is resolved at request time, registered with the redactor and never sent to
 * another origin.
 *
 * The cluster CA (kubeconfig, in-cluster `ca.crt` or `certificateAuthorityPath`) is the
 * client's TLS trust, as with kubectl: the API server's certificate must chain to it. Without
 * one, Node's default CA store applies. A host `dispatcher` on the runtime owns TLS instead.
 */
export function createKubernetesClient(
  runtime: ConnectorRuntime,
  connection: ClusterConnection,
): KubernetesClient {
  const client: HttpClient = runtime.http({
    baseUrl: connection.server,
    auth: { type: 'bearer', token: connection.token },
    describeError: describeKubernetesError(),
    ...(connection.certificateAuthority === undefined
      ? {}
      : { tls: { ca: connection.certificateAuthority } }),
  });
  const segment = encodeURIComponent;
  const deploymentPath = (namespace: string, name: string) =>
    `/apis/apps/v1/namespaces/${segment(namespace)}/deployments/${segment(name)}`;
  const review = async <T>(path: string, kind: string, spec: unknown, schema: ZodType<T>) => {
    const response = await client.request({
      method: 'POST',
      path: `${AUTHORIZATION}/${path}`,
      body: { apiVersion: 'authorization.k8s.io/v1', kind, spec },
      schema,
      // A review creates nothing: sending it twice is harmless, so the runtime may retry it.
      idempotent: true,
    });
    return response.data;
  };

  return {
    server: connection.server,
    deploymentPath,
    getDeployment: (namespace, name) =>
      client.getJson(deploymentPath(namespace, name), deploymentSchema, {
        describeError: describeKubernetesError(`Deployment "${name}" in namespace "${namespace}"`),
      }),
    listReplicaSets: (namespace, labelSelector) =>
      listAllItems(client, {
        path: `/apis/apps/v1/namespaces/${segment(namespace)}/replicasets`,
        query: { labelSelector },
        schema: replicaSetListSchema,
      }),
    listPods: (namespace, labelSelector) =>
      listAllItems(client, {
        path: `/api/v1/namespaces/${segment(namespace)}/pods`,
        query: { labelSelector },
        schema: podListSchema,
      }),
    reviewRules: (namespace) =>
      review(
        'selfsubjectrulesreviews',
        'SelfSubjectRulesReview',
        { namespace },
        selfSubjectRulesReviewSchema,
      ),
    reviewAccess: async (attributes) =>
      (
        await review(
          'selfsubjectaccessreviews',
          'SelfSubjectAccessReview',
          { resourceAttributes: { ...attributes, namespace: attributes.namespace ?? '' } },
          selfSubjectAccessReviewSchema,
        )
      ).status.allowed,
  };
}
