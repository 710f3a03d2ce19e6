// The engine: runs connector methods under deadlines and turns observations into records.

export type { CheckConnectorOptions, ConnectorCheck } from './check-connector';
export { checkConnector } from './check-connector';
export type { CollectEvidenceOptions, CollectProgress } from './collect-evidence';
export { collectEvidence } from './collect-evidence';
export { describeFactCatalogProblems } from './describe-fact-catalog-problems';
export type {
  ConnectorDetection,
  DetectConnectorsOptions,
  DetectConnectorsResult,
} from './detect-connectors';
export { detectConnectors } from './detect-connectors';
export type { EvidenceTarget } from './evidence-target';
export { defineTarget } from './evidence-target';
export { factCatalogOf } from './fact-catalog-of';
export { formatMeasurement } from './format-measurement';
export type { IngestEvidenceOptions } from './ingest-evidence';
export { ingestEvidence } from './ingest-evidence';
export { observeOrUnavailable } from './observe-or-unavailable';
export type { RuntimeInput, RuntimeOption } from './resolve-runtime';
export { unavailableReasonOf } from './unavailable-reason-of';
export type { ValidateTargetConfigurationOptions } from './validate-target-configuration';
export { validateTargetConfiguration } from './validate-target-configuration';
