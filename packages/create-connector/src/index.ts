export type { ConnectorAnswers, ScaffoldMode } from './connector-answers';
export type { ConnectorField, FieldName, RawAnswers } from './connector-fields';
export { CONNECTOR_FIELDS } from './connector-fields';
export type { ConnectorNames } from './connector-names';
export { connectorNames } from './connector-names';
export type { ConnectorCategory, ConnectorMaturity, CredentialKind } from './connector-vocabulary';
export {
  CONNECTOR_CATEGORIES,
  CONNECTOR_ID_PATTERN,
  CONNECTOR_MATURITIES,
  CREDENTIAL_KINDS,
} from './connector-vocabulary';
export type { CreateConnectorErrorCode } from './create-connector-error';
export { CreateConnectorError } from './create-connector-error';
export type { ExitCode } from './exit-codes';
export { EXIT_CODES } from './exit-codes';
export type { CreateArguments } from './parse-create-arguments';
export { parseCreateArguments } from './parse-create-arguments';
export type { GeneratedFile, RenderConnectorOptions } from './render-connector';
export { renderConnector } from './render-connector';
export type { CreateConnectorIo } from './run-create-connector';
export { runCreateConnector } from './run-create-connector';
export type { ToolVersions } from './tool-versions';
export { readToolVersions } from './tool-versions';
export { VERSION } from './version';
