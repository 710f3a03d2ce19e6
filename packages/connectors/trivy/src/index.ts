export { createTrivy } from './create-trivy';
export { trivyConnector } from './trivy-connector';
export type { TrivySelector } from './trivy-selector';
export type { TrivySettings } from './trivy-settings';
export { VERSION } from './version';
