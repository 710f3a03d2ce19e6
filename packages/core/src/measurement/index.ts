// Repeated measurement with Argo Rollouts-compatible limits.

export type { MeasurementLimitsWithMillisecondNames } from './deprecated-limit-names';
export type {
  EvaluateMeasurementsOptions,
  MeasurementAssessment,
  MeasurementCounts,
  MeasurementResult,
} from './evaluate-measurements';
export {
  ERROR_RETRY_INTERVAL_MILLISECONDS,
  ERROR_RETRY_INTERVAL_MS,
  evaluateMeasurements,
} from './evaluate-measurements';
export type { MeasurementLimits, MeasurementLimitsInput } from './measurement-limits-schema';
export {
  DEFAULT_CONSECUTIVE_ERROR_LIMIT,
  measurementLimitsSchema,
} from './measurement-limits-schema';
export type { MeasurementAssessmentPhase, MeasurementPhase } from './measurement-phase';
export {
  factStatusToMeasurementPhase,
  MEASUREMENT_ASSESSMENT_PHASES,
  MEASUREMENT_PHASES,
  measurementPhaseToStatus,
} from './measurement-phase';
export { parseMeasurementLimits } from './parse-measurement-limits';
