import { secretReferenceSchema } from '@evidencekit/core/connector';
import { z } from 'zod';
import { namespaceNameSchema } from './kubernetes-names';

/** Where a pod finds its service account credential, as mounted by the kubelet. */
export const DEFAULT_SERVICE_ACCOUNT_DIRECTORY = '/var/run/secrets/kubernetes.io/serviceaccount';

const httpsUrl = z
  .url({ protocol: /^https$/ })
  .describe('The API server, e.g. "https://k8s.example.com:6443". Only https: a token is sent.');

const commonFields = {
  namespace: namespaceNameSchema
    .optional()
    .describe(
      'The namespace `checkConnector` verifies access to. Default: the service account namespace (in-cluster) or the kubeconfig context namespace.',
    ),
};

const inClusterSettingsSchema = z.strictObject({
  auth: z.literal('in-cluster'),
  serviceAccountDirectory: z
    .string()
    .min(1)
    .default(DEFAULT_SERVICE_ACCOUNT_DIRECTORY)
    .describe('Directory holding `token`, `ca.crt` and `namespace`; tests point it elsewhere.'),
  ...commonFields,
});

const kubeconfigSettingsSchema = z.strictObject({
  auth: z.literal('kubeconfig'),
  path: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The kubeconfig file. Default: $KUBECONFIG (first file wins per entry), else ~/.kube/config.',
    ),
  context: z.string().min(1).optional().describe('The context to use. Default: current-context.'),
  ...commonFields,
});

const tokenSettingsSchema = z.strictObject({
  auth: z.literal('token'),
  server: httpsUrl,
  token: secretReferenceSchema().describe(
    'A bearer token, e.g. "env:K8S_TOKEN" (a short-lived ServiceAccount token from `kubectl create token`).',
  ),
  certificateAuthorityPath: z
    .string()
    .min(1)
    .optional()
    .describe("A PEM file with the cluster's certificate authority."),
  ...commonFields,
});

/**
 * Settings of the Kubernetes connector: one of three ways to reach the API server with a
 * bearer token. `in-cluster` reads the pod's service account; `kubeconfig` reads a context's
 * server, token and CA; `token` takes a server and a token reference.
 */
export const kubernetesSettingsSchema = z.discriminatedUnion('auth', [
  inClusterSettingsSchema,
  kubeconfigSettingsSchema,
  tokenSettingsSchema,
]);

/** Validated settings of the Kubernetes connector. */
export type KubernetesConfig = z.output<typeof kubernetesSettingsSchema>;

/**
 * What `createKubernetes` takes.
 *
 * @example
 * ```ts
 * createKubernetes({ auth: 'in-cluster' });
 * createKubernetes({ auth: 'kubeconfig', context: 'production' });
 * createKubernetes({ auth: 'token', server: 'https://k8s.example.com:6443', token: 'env:K8S_TOKEN' });
 * ```
 */
export type KubernetesSettings = z.input<typeof kubernetesSettingsSchema>;
