import { defineConnector } from '@evidencekit/core/connector';
import { checkKubernetesAccess } from './check-kubernetes-access';
import { collectDeploymentEvidence } from './collect-deployment-evidence';
import { detectKubernetes } from './detect-kubernetes';
import { KUBERNETES_FACTS } from './kubernetes-facts';
import { kubernetesSelectorSchema } from './kubernetes-selector';
import { kubernetesSettingsSchema } from './kubernetes-settings';
import { VERSION } from './version';

/**
 * The Kubernetes connector: Deployment rollout, availability, restarts and image digest for
 * one Deployment in one namespace, read with a namespace-scoped, read-only credential.
 */
export const kubernetesConnector = defineConnector({
  specificationVersion: 'v1',
  metadata: {
    id: 'kubernetes',
    displayName: 'Kubernetes',
    category: 'runtime',
    maturity: 'native-pull',
    credential: 'required',
    scope: {
      minimum:
        'A Role in the target namespace with apps/deployments,replicasets: get,list,watch and pods: get,list, bound to a ServiceAccount (short-lived token from `kubectl create token`).',
      avoid:
        'ClusterRoles or ClusterRoleBindings, cluster-admin, edit/admin roles, any write verb (patch, update, delete), and long-lived token Secrets.',
    },
    facts: KUBERNETES_FACTS,
    defaultMaxAgeSeconds: 300,
    documentationUrl:
      'https://github.com/evidencekit/evidencekit/tree/main/packages/connectors/kubernetes#readme',
    package: { name: '@evidencekit/kubernetes', version: VERSION },
  },
  configSchema: kubernetesSettingsSchema,
  selectorSchema: kubernetesSelectorSchema,
  doCheck: checkKubernetesAccess,
  doCollect: collectDeploymentEvidence,
  doDetect: detectKubernetes,
});
