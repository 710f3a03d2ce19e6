export { createTrivy } from './create-trivy';
export { trivyConnector } from './trivy-connector';
export type { ParsedTrivySelector, TrivySelector } from './trivy-selector';
export { trivySelectorSchema } from './trivy-selector';
export type { TrivyConfig, TrivySettings } from './trivy-settings';
export { trivySettingsSchema } from './trivy-settings';
export { VERSION } from './version';
