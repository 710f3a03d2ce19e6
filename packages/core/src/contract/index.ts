// The connector contract: what a connector is and everything it is handed (v1), and how a host
// binds one to settings.

export type {
  ConfiguredConnector,
  FactNameOf,
  SelectorInputOf,
  SettingsOf,
} from './configured-connector';
export { configureConnector, isConfiguredConnector } from './configured-connector';
export {
  assertSupportedConnector,
  SUPPORTED_SPECIFICATION_VERSIONS,
} from './supported-specification-versions';
export * from './v1/index';
