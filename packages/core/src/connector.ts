// `@evidencekit/core/connector`: what a connector package uses, and nothing a host needs. Hosts
// (and connector tests, which act as hosts) import `@evidencekit/core`, which exports all of this
// too. By folder: contract/ (declaring a connector, binding it to settings, and everything the
// runtime hands it), engine/ (a failed call as that fact's `unavailable`), errors/ (what a
// connector catches or throws), evidence/ (the vocabulary of observations), runtime/ (query
// allowlists, secret fields), gate/ and threshold/ (for facts read from a payload). Section
// comments would not survive sorting, so the folders say it: one list per folder index.

export type {
  AllowableAddressClass,
  AnyConnectorV1,
  CheckFindingV1,
  CheckOptionsV1,
  CheckResultV1,
  CollectOptionsV1,
  CollectResultV1,
  ConfiguredConnector,
  ConnectorCategory,
  ConnectorDefinitionV1,
  ConnectorMaturity,
  ConnectorMetadataV1,
  ConnectorRuntime,
  ConnectorScopeV1,
  ConnectorV1,
  DescribeHttpError,
  DestinationPolicy,
  DetectionV1,
  DetectOptionsV1,
  EmptyResultRule,
  FactDefinitionV1,
  FactNameOf,
  FactObservationV1,
  FactRangeV1,
  HostResolver,
  HttpAuth,
  HttpClient,
  HttpClientOptions,
  HttpErrorAnswer,
  HttpErrorDescription,
  HttpRequestOptions,
  HttpResponse,
  IngestOptionsV1,
  Logger,
  PageRequest,
  PageResponse,
  PaginatedRequest,
  PaginationLimits,
  PaginationStrategy,
  QueryParameters,
  Redactor,
  ResolvedAddress,
  RevealableSecret,
  SecretInput,
  SecretReference,
  SecretResolver,
  SecretSchemeResolver,
  SelectorInputOf,
  SettingsOf,
} from './contract/index';
export {
  CONNECTOR_CATEGORIES,
  CONNECTOR_MATURITIES,
  configureConnector,
  defineConnector,
  SecretValue,
} from './contract/index';
export { observeOrUnavailable, unavailableReasonOf } from './engine/index';
export type {
  ApiCallAttempt,
  ApiCallErrorOptions,
  ApiCallFailureReason,
  ConfigurationIssue,
  DestinationRefusalKind,
  DestinationRefusedErrorOptions,
  ResponseIssue,
} from './errors/index';
export {
  ApiCallError,
  ConfigurationError,
  DestinationRefusedError,
  EvidencekitError,
  InvalidResponseError,
} from './errors/index';
export type {
  EvidenceScope,
  EvidenceWarning,
  FactReasonCode,
  FactSource,
  FactStatus,
  FailedReasonCode,
  JsonValue,
  MeasurementUnit,
  PendingReasonCode,
  UnavailableReasonCode,
} from './evidence/index';
export { MEASUREMENT_UNIT_NAMES } from './evidence/index';
export { ALLOWED_CLOCK_SKEW_SECONDS } from './gate/index';
export type {
  AddressClass,
  QueryAllowlist,
  QueryAllowlistOptions,
  QueryLanguage,
  QueryTemplate,
  RenderedQuery,
} from './runtime/index';
export {
  ALLOWABLE_ADDRESS_CLASSES,
  createQueryAllowlist,
  QUERY_LANGUAGES,
  queryTemplateSchema,
  queryTemplatesSchema,
  secretReferenceSchema,
} from './runtime/index';
export type { ComparisonOperator, Threshold } from './threshold/index';
export { parseThreshold } from './threshold/index';
