export { createKubernetes } from './create-kubernetes';
export { kubernetesConnector } from './kubernetes-connector';
export type { KubernetesSelector, ParsedKubernetesSelector } from './kubernetes-selector';
export { kubernetesSelectorSchema } from './kubernetes-selector';
export type { KubernetesConfig, KubernetesSettings } from './kubernetes-settings';
export { kubernetesSettingsSchema } from './kubernetes-settings';
export { VERSION } from './version';
