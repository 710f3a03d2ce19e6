export { createStatuspage } from './create-statuspage';
export { statuspageConnector } from './statuspage-connector';
export type { StatuspageFactName } from './statuspage-facts';
export type { StatuspageSelector } from './statuspage-selector';
export type { StatuspageSettings } from './statuspage-settings';
export { VERSION } from './version';
