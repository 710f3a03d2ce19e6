// Sorted by module path (Biome keeps it so), not grouped by topic: section comments would be
// stranded by the next sort. The groups: collect/, conformance/, faults/, mocks/, msw/, runtime/, tls/.
export type { CollectOneOptions } from './collect/collect-one';
export { collectOne } from './collect/collect-one';
export { UnexpectedCollectResultError } from './collect/unexpected-collect-result-error';

export type { CanarySecret } from './conformance/canary-secret';
export { CANARY_ENVIRONMENT_VARIABLE } from './conformance/canary-secret';
export { checkConnectorConformance } from './conformance/check-connector-conformance';
export { DEFAULT_CONFORMANCE_NOW } from './conformance/conformance-clock';
export { CONFORMANCE_RUNTIME } from './conformance/conformance-harness';
export type { ConnectorConformanceOptions, PrimaryRoute } from './conformance/conformance-options';
export { defineConformanceOptions } from './conformance/conformance-options';
export type {
  ConformanceCheckResult,
  ConformanceReport,
  FaultScenarioOutcome,
} from './conformance/conformance-report';
export { formatConformanceFailures } from './conformance/conformance-report';
export type { DerivedEmptyBody } from './faults/derive-empty-body';
export { deriveEmptyBody } from './faults/derive-empty-body';
export type {
  FaultExpectation,
  FaultScenario,
  FaultScenarioContext,
  FaultScenarioId,
} from './faults/fault-scenario';
export { FAULT_SCENARIOS } from './faults/fault-scenarios';
export type { SchemaDriftKind } from './faults/schema-drift';
export { applySchemaDrift } from './faults/schema-drift';
export type { MockReply, MockReplyContext, MockRoute } from './mocks/mock-reply';
export type { ProviderRouteMap } from './mocks/provider-routes';
export { mockProviderRoutes } from './mocks/provider-routes';
export type { RecordedRequest } from './mocks/recorded-request';
export { describeRecordedRequest } from './mocks/recorded-request';
export type { RequestRecorder } from './mocks/request-recorder';
export { createRequestRecorder } from './mocks/request-recorder';
export type { ProviderMockServer } from './msw/provider-mock-server';
export { createProviderMockServer } from './msw/provider-mock-server';
export {
  createUndiciAwareInterceptors,
  createUndiciAwareNetworkSource,
} from './msw/undici-aware-network-source';
export { UnhandledProviderRequestError } from './msw/unhandled-provider-request-error';
export type { CapturedLogEntry, CapturingLogger } from './runtime/capturing-logger';
export { createCapturingLogger } from './runtime/capturing-logger';
export type { VirtualClock, VirtualClockOptions } from './runtime/virtual-clock';
export { createVirtualClock } from './runtime/virtual-clock';
export type { SelfSignedCertificate } from './tls/create-self-signed-certificate';
export { createSelfSignedCertificate } from './tls/create-self-signed-certificate';
export { VERSION } from './version';
