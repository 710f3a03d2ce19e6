import type { FactStatus } from '../evidence/fact-status';

/** The outcome of one measurement, as in an Argo Rollouts AnalysisRun. */
export const MEASUREMENT_PHASES = ['successful', 'failed', 'inconclusive', 'error'] as const;
/** The outcome of one measurement. */
export type MeasurementPhase = (typeof MEASUREMENT_PHASES)[number];

/** The state of a series of measurements: still going, or concluded one way. */
export const MEASUREMENT_ASSESSMENT_PHASES = [
  'running',
  'successful',
  'failed',
  'inconclusive',
  'error',
] as const;
/** The state of a series of measurements. */
export type MeasurementAssessmentPhase = (typeof MEASUREMENT_ASSESSMENT_PHASES)[number];

/**
 * The fact status of an assessment: `successful` is the only way to `passed`; an `error` run
 * could not establish anything (`unavailable`); `inconclusive` needs a person and `running`
 * needs more time, so both are `pending`.
 */
export function measurementPhaseToStatus(phase: MeasurementAssessmentPhase): FactStatus {
  switch (phase) {
    case 'successful':
      return 'passed';
    case 'failed':
      return 'failed';
    case 'error':
      return 'unavailable';
    case 'inconclusive':
    case 'running':
      return 'pending';
  }
}

/**
 * The measurement phase of a fact, for feeding repeated fact checks into
 * `evaluateMeasurements`: a fact that could not be established counts as an `error` (it
 * counts toward the consecutive error limit, not toward `count`); a pending fact is
 * `inconclusive`.
 */
export function factStatusToMeasurementPhase(status: FactStatus): MeasurementPhase {
  switch (status) {
    case 'passed':
      return 'successful';
    case 'failed':
      return 'failed';
    case 'unavailable':
      return 'error';
    case 'pending':
      return 'inconclusive';
  }
}
