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
  FactRangeV1,
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
export type {
  DescribeHttpError,
  HttpErrorAnswer,
  HttpErrorDescription,
  RevealableSecret,
} from './contract/v1/http-client-v1';
// Engine
export type { CheckConnectorOptions, ConnectorCheck } from './engine/check-connector';
export { checkConnector } from './engine/check-connector';
export type { CollectEvidenceOptions, CollectProgress } from './engine/collect-evidence';
export { collectEvidence } from './engine/collect-evidence';
export type {
  ConnectorDetection,
  DetectConnectorsOptions,
  DetectConnectorsResult,
} from './engine/detect-connectors';
export { detectConnectors } from './engine/detect-connectors';
export type { EvidenceTarget } from './engine/evidence-target';
export { defineTarget } from './engine/evidence-target';
export { factCatalogOf } from './engine/fact-catalog-of';
export { formatMeasurement } from './engine/format-measurement';
export type { IngestEvidenceOptions } from './engine/ingest-evidence';
export { ingestEvidence } from './engine/ingest-evidence';
export { observeOrUnavailable } from './engine/observe-or-unavailable';
export type { RuntimeInput, RuntimeOption } from './engine/resolve-runtime';
export { unavailableReasonOf } from './engine/unavailable-reason-of';
export type { ValidateTargetConfigurationOptions } from './engine/validate-target-configuration';
export { validateTargetConfiguration } from './engine/validate-target-configuration';
// Runtime: HTTP, retry, rate limits, cache, pagination
export type {
  ApiCallAttempt,
  ApiCallErrorOptions,
  ApiCallFailureReason,
} from './errors/api-call-error';
export { ApiCallError } from './errors/api-call-error';
// Errors
export type { ConfigurationIssue } from './errors/configuration-error';
export { ConfigurationError } from './errors/configuration-error';
export { configurationErrorFromZod } from './errors/configuration-error-from-zod';
export { DeadlineExceededError } from './errors/deadline-exceeded-error';
export type {
  DestinationRefusalKind,
  DestinationRefusedErrorOptions,
} from './errors/destination-refused-error';
export { DestinationRefusedError } from './errors/destination-refused-error';
export { EvidencekitError, hasMarker } from './errors/evidencekit-error';
export { InvalidFactCatalogError } from './errors/invalid-fact-catalog-error';
export type { ResponseIssue } from './errors/invalid-response-error';
export { InvalidResponseError } from './errors/invalid-response-error';
export type { PaginationLoopKind } from './errors/pagination-loop-error';
export { PaginationLoopError } from './errors/pagination-loop-error';
export type { RedirectFailureKind } from './errors/redirect-error';
export { RedirectError } from './errors/redirect-error';
export { ResponseTooLargeError } from './errors/response-too-large-error';
export { ThresholdSyntaxError } from './errors/threshold-syntax-error';
export { UnsupportedSpecificationVersionError } from './errors/unsupported-specification-version-error';
// Evidence
export * from './evidence/evidence-schema';
export * from './evidence/fact-reason';
export * from './evidence/fact-status';
export * from './evidence/measurement-unit';
export { rollUpStatus } from './evidence/roll-up';
export { ALLOWED_CLOCK_SKEW_SECONDS } from './gate/check-freshness';
export type { ConnectorCatalogSource } from './gate/check-policy-facts';
export { evaluateGate } from './gate/evaluate-gate';
// Gate
export type { GateDecision, GateFinding, GateOutcome } from './gate/gate-decision';
export type {
  EnvironmentPolicy,
  GatePolicy,
  GatePolicyInput,
  GateUnavailableMode,
  RequiredFact,
} from './gate/gate-policy-schema';
export {
  DEFAULT_ENVIRONMENT_KEY,
  environmentPolicySchema,
  GATE_UNAVAILABLE_MODES,
  gatePolicySchema,
  requiredFactSchema,
} from './gate/gate-policy-schema';
export type { ParseGatePolicyOptions } from './gate/parse-gate-policy';
export { parseGatePolicy } from './gate/parse-gate-policy';
// Bounded JSON
export type { BoundedJsonResult, JsonTextLimits } from './json/parse-bounded-json';
export { parseBoundedJson } from './json/parse-bounded-json';
export type { JsonScanResult } from './json/scan-json-syntax';
export { scanJsonSyntax, textPositionOf } from './json/scan-json-syntax';
export type { MeasurementLimitsWithMillisecondNames } from './measurement/deprecated-limit-names';
// Repeated measurement (Argo Rollouts-compatible limits)
export type {
  EvaluateMeasurementsOptions,
  MeasurementAssessment,
  MeasurementCounts,
  MeasurementResult,
} from './measurement/evaluate-measurements';
export {
  ERROR_RETRY_INTERVAL_MILLISECONDS,
  ERROR_RETRY_INTERVAL_MS,
  evaluateMeasurements,
} from './measurement/evaluate-measurements';
export type {
  MeasurementLimits,
  MeasurementLimitsInput,
} from './measurement/measurement-limits-schema';
export {
  DEFAULT_CONSECUTIVE_ERROR_LIMIT,
  measurementLimitsSchema,
} from './measurement/measurement-limits-schema';
export type {
  MeasurementAssessmentPhase,
  MeasurementPhase,
} from './measurement/measurement-phase';
export {
  factStatusToMeasurementPhase,
  MEASUREMENT_ASSESSMENT_PHASES,
  MEASUREMENT_PHASES,
  measurementPhaseToStatus,
} from './measurement/measurement-phase';
export { parseMeasurementLimits } from './measurement/parse-measurement-limits';
// Reports
export { renderJsonReport } from './report/render-json-report';
export { renderJunitReport } from './report/render-junit-report';
export type { MarkdownReportInput } from './report/render-markdown-report';
export {
  GITHUB_COMMENT_CHARACTER_LIMIT,
  renderMarkdownReport,
} from './report/render-markdown-report';
export type { ReportInput } from './report/report-input';
export type { CachedResponse, CacheStore, LruCacheStoreOptions } from './runtime/cache/cache-store';
export { createLruCacheStore, DEFAULT_CACHE_MAX_BYTES } from './runtime/cache/cache-store';
// Runtime: connector view, logging
export type { ConnectorRuntime } from './runtime/connector-runtime';
export type { Runtime, RuntimeBinding, RuntimeOptions } from './runtime/create-runtime';
export {
  createRuntime,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
} from './runtime/create-runtime';
// Runtime: secrets, redaction, query allowlists, events
export type { RuntimeEvent, RuntimeEventType } from './runtime/events/runtime-event';
export type {
  RuntimeEventEmitter,
  RuntimeEventEmitterOptions,
} from './runtime/events/runtime-event-emitter';
export {
  createRuntimeEventEmitter,
  RUNTIME_EVENT_CHANNELS,
} from './runtime/events/runtime-event-emitter';
// Runtime: destination policy (SSRF protection for user-supplied URLs)
export type { AddressClass, AddressClassification } from './runtime/http/address-class';
export { classifyAddress } from './runtime/http/address-class';
export type { QueryParameters } from './runtime/http/build-request-url';
export type {
  AllowableAddressClass,
  DestinationPolicy,
} from './runtime/http/destination-policy';
export {
  ALLOWABLE_ADDRESS_CLASSES,
  isAddressClassAllowed,
} from './runtime/http/destination-policy';
export type { GuardedLookup } from './runtime/http/guarded-lookup';
export { createGuardedLookup, DESTINATION_REFUSED_CODE } from './runtime/http/guarded-lookup';
export type { HostResolver, ResolvedAddress } from './runtime/http/host-resolver';
export { systemHostResolver } from './runtime/http/host-resolver';
export type { HttpAuth, SecretInput } from './runtime/http/http-auth';
export type {
  HttpClient,
  HttpClientOptions,
  HttpRequestOptions,
  HttpResponse,
  PaginatedRequest,
} from './runtime/http/http-client';
export { combineSignals, raceAbort } from './runtime/http/race-abort';
export { REQUEST_STAGE_ORDER } from './runtime/http/request-pipeline';
export type { VettedHost } from './runtime/http/vet-destination';
export { vetHost, vetRedirectTarget, vetUrl } from './runtime/http/vet-destination';
export type { Logger } from './runtime/logger';
export { silentLogger } from './runtime/logger';
export { nextLinkUrl, parseLinkHeader } from './runtime/pagination/link-header';
export type {
  PageRequest,
  PageResponse,
  PaginationLimits,
  PaginationStrategy,
} from './runtime/pagination/paginate';
export { paginatePages } from './runtime/pagination/paginate';
export type {
  QueryAllowlist,
  QueryAllowlistOptions,
  RenderedQuery,
} from './runtime/queries/query-allowlist';
export { createQueryAllowlist } from './runtime/queries/query-allowlist';
export type { QueryLanguage } from './runtime/queries/query-language';
export { QUERY_LANGUAGES } from './runtime/queries/query-language';
export type { QueryTemplate } from './runtime/queries/query-template-schema';
export { queryTemplateSchema, queryTemplatesSchema } from './runtime/queries/query-template-schema';
export type {
  OriginBudget,
  PerOriginRateLimiterOptions,
} from './runtime/rate-limit/per-origin-rate-limiter';
export { createPerOriginRateLimiter } from './runtime/rate-limit/per-origin-rate-limiter';
export type { RateLimiter, RateLimitWait } from './runtime/rate-limit/rate-limiter';
export type { Redactor } from './runtime/redaction/redactor';
export { createRedactor, REDACTED } from './runtime/redaction/redactor';
export type { Clock } from './runtime/retry/clock';
export { systemClock } from './runtime/retry/clock';
export { parseRetryAfter } from './runtime/retry/parse-retry-after';
export type { RetryPolicyOptions } from './runtime/retry/retry-policy';
export type {
  SecretReference,
  SecretResolver,
  SecretResolverOptions,
  SecretSchemeResolver,
} from './runtime/secrets/secret-resolver';
export { createSecretResolver, secretReferenceSchema } from './runtime/secrets/secret-resolver';
export { SecretValue } from './runtime/secrets/secret-value';
// Signing
export type { Ed25519SignerOptions } from './signing/create-ed25519-signer';
export { createEd25519Signer } from './signing/create-ed25519-signer';
export type { Ed25519VerifierOptions } from './signing/create-ed25519-verifier';
export { createEd25519Verifier } from './signing/create-ed25519-verifier';
export type { CreateEvidenceStatementOptions } from './signing/create-evidence-statement';
export { createEvidenceStatement } from './signing/create-evidence-statement';
export type { DsseEnvelope, DsseSignature } from './signing/dsse-envelope';
export { dsseEnvelopeSchema, IN_TOTO_PAYLOAD_TYPE } from './signing/dsse-envelope';
export type { EvidenceSigner, EvidenceVerifier } from './signing/evidence-signer';
export type {
  EvidenceStatement,
  ReleaseEvidencePredicate,
  StatementSubject,
} from './signing/evidence-statement';
export {
  IN_TOTO_STATEMENT_TYPE,
  RELEASE_EVIDENCE_PREDICATE_TYPE,
} from './signing/evidence-statement';
export type { Ed25519KeyPair } from './signing/generate-ed25519-key-pair';
export { generateEd25519KeyPair } from './signing/generate-ed25519-key-pair';
export { preAuthenticationEncoding } from './signing/pre-authentication-encoding';
export { signEvidence } from './signing/sign-evidence';
export type {
  EvidenceVerificationResult,
  VerifyEvidenceEnvelopeOptions,
} from './signing/verify-evidence-envelope';
export { verifyEvidenceEnvelope } from './signing/verify-evidence-envelope';
// Thresholds
export type { ComparisonOperator } from './threshold/comparison-operator';
export { evaluateThreshold } from './threshold/evaluate-threshold';
export type { ObservedValue } from './threshold/observed-value';
export { parseThreshold } from './threshold/parse-threshold';
export { printThreshold } from './threshold/print-threshold';
export type { Threshold } from './threshold/threshold';
export type { ThresholdOutcome } from './threshold/threshold-outcome';
export { thresholdSchema } from './threshold/threshold-schema';
export { toThreshold } from './threshold/to-threshold';

export { VERSION } from './version';
