export { createKubernetes } from './create-kubernetes';
export { kubernetesConnector } from './kubernetes-connector';
export type { KubernetesSelector } from './kubernetes-selector';
export type { KubernetesSettings } from './kubernetes-settings';
export { VERSION } from './version';
