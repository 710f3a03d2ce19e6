// Contract v1: everything a connector is handed, in one folder that imports only the evidence
// schema and the error classes (test/contract/contract-imports.test.ts holds it to that).

export type {
  ConnectorCategory,
  ConnectorMaturity,
  ConnectorMetadataV1,
  ConnectorScopeV1,
  EmptyResultRule,
  FactDefinitionV1,
  FactRangeV1,
} from './connector-metadata-v1';
export { CONNECTOR_CATEGORIES, CONNECTOR_MATURITIES } from './connector-metadata-v1';
export type { ConnectorRuntime } from './connector-runtime-v1';
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
} from './connector-v1';
export type { ConnectorDefinitionV1 } from './define-connector';
export { defineConnector } from './define-connector';
export type { FactObservationV1 } from './fact-observation-v1';
export type {
  AllowableAddressClass,
  DescribeHttpError,
  DestinationPolicy,
  HostResolver,
  HttpAuth,
  HttpClient,
  HttpClientOptions,
  HttpErrorAnswer,
  HttpErrorDescription,
  HttpRequestOptions,
  HttpResponse,
  PageRequest,
  PageResponse,
  PaginatedRequest,
  PaginationLimits,
  PaginationStrategy,
  QueryParameters,
  ResolvedAddress,
  RevealableSecret,
  SecretInput,
} from './http-client-v1';
export type { Logger } from './logger-v1';
export type { Redactor } from './redactor-v1';
export type { SecretReference, SecretResolver, SecretSchemeResolver } from './secret-resolver-v1';
export { SecretValue } from './secret-value';
