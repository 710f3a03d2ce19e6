// Contract

export type {
  ConfiguredConnector,
  FactNameOf,
  SelectorInputOf,
  SettingsOf,
} from './contract/configured-connector';
export { configureConnector, isConfiguredConnector } from './contract/configured-connector';
export {
  assertSupportedConnector,
  SUPPORTED_SPECIFICATION_VERSIONS,
} from './contract/supported-specification-versions';
export type {
  ConnectorCategory,
  ConnectorMaturity,
  ConnectorMetadataV1,
  ConnectorScopeV1,
  EmptyResultRule,
  FactDefinitionV1,
} from './contract/v1/connector-metadata-v1';
export { CONNECTOR_CATEGORIES, CONNECTOR_MATURITIES } from './contract/v1/connector-metadata-v1';
export type {
  AnyConnectorV1,
  CheckFindingV1,
  CheckOptionsV1,
  CheckResultV1,
  CollectOptionsV1,
  CollectResultV1,
  ConnectorV1,
  DetectionV1,
  DetectOptionsV1,
  IngestOptionsV1,
} from './contract/v1/connector-v1';
export type { ConnectorDefinitionV1 } from './contract/v1/define-connector';
export { defineConnector } from './contract/v1/define-connector';
export type { FactObservationV1 } from './contract/v1/fact-observation-v1';
// Errors
export type { ConfigurationIssue } from './errors/configuration-error';
export { ConfigurationError } from './errors/configuration-error';
export { EvidencekitError } from './errors/evidencekit-error';
export { UnsupportedSpecificationVersionError } from './errors/unsupported-specification-version-error';
// Evidence
export * from './evidence/evidence-schema';
export * from './evidence/fact-reason';
export * from './evidence/fact-status';
export * from './evidence/measurement-unit';
export { rollUpStatus } from './evidence/roll-up';

// Runtime
export type { ConnectorRuntime } from './runtime/connector-runtime';
export type { Logger } from './runtime/logger';
export { silentLogger } from './runtime/logger';

export { VERSION } from './version';
