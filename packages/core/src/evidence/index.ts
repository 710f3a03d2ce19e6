// The evidence schema v1: records, facts, statuses, reasons, units and the roll-up.

export type {
  EvidenceRecord,
  EvidenceScope,
  EvidenceWarning,
  Fact,
  FactReason,
  FactSource,
  Freshness,
  JsonValue,
  Measurement,
  Release,
} from './evidence-schema';
export {
  EVIDENCE_SCHEMA_V1_ID,
  evidenceRecordSchema,
  factReasonSchema,
  factSchema,
  factSourceSchema,
  freshnessSchema,
  jsonValueSchema,
  measurementSchema,
  releaseSchema,
  scopeSchema,
  warningSchema,
} from './evidence-schema';
export type {
  FactReasonCode,
  FailedReasonCode,
  PendingReasonCode,
  UnavailableReasonCode,
} from './fact-reason';
export {
  FACT_REASON_CODES,
  FACT_REASONS,
  FAILED_REASON_CODES,
  PENDING_REASON_CODES,
  statusOfReason,
  UNAVAILABLE_REASON_CODES,
} from './fact-reason';
export type { FactStatus } from './fact-status';
export { FACT_STATUSES, STATUS_SEVERITY_ORDER, statusSeverity, worseStatus } from './fact-status';
export type { MeasurementDimension, MeasurementUnit } from './measurement-unit';
export {
  convertMeasurement,
  dimensionOf,
  isMeasurementUnit,
  MEASUREMENT_UNIT_NAMES,
  MEASUREMENT_UNITS,
} from './measurement-unit';
export { rollUpStatus } from './roll-up';
