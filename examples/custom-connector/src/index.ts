export { createStatuspage } from './create-statuspage';
export { statuspageConnector } from './statuspage-connector';
export type { StatuspageFactName } from './statuspage-facts';
export type { ParsedStatuspageSelector, StatuspageSelector } from './statuspage-selector';
export { statuspageSelectorSchema } from './statuspage-selector';
export type { StatuspageConfig, StatuspageSettings } from './statuspage-settings';
export { statuspageSettingsSchema } from './statuspage-settings';
export { VERSION } from './version';
