import { describe, expect, it } from 'vitest';
import { FACT_STATUSES } from '../../src/evidence/fact-status';
import {
  factStatusToMeasurementPhase,
  MEASUREMENT_ASSESSMENT_PHASES,
  measurementPhaseToStatus,
} from '../../src/measurement/measurement-phase';

describe('phase and status mapping', () => {
  it.each([
    ['successful', 'passed'],
    ['failed', 'failed'],
    ['error', 'unavailable'],
    ['inconclusive', 'pending'],
    ['running', 'pending'],
  ] as const)('assessment %s is fact status %s', (phase, status) => {
    expect(measurementPhaseToStatus(phase)).toBe(status);
  });

  it.each([
    ['passed', 'successful'],
    ['failed', 'failed'],
    ['unavailable', 'error'],
    ['pending', 'inconclusive'],
  ] as const)('fact status %s is measurement %s', (status, phase) => {
    expect(factStatusToMeasurementPhase(status)).toBe(phase);
  });

  it('only a successful assessment maps to passed', () => {
    const passing = MEASUREMENT_ASSESSMENT_PHASES.filter(
      (phase) => measurementPhaseToStatus(phase) === 'passed',
    );
    expect(passing).toEqual(['successful']);
    expect(FACT_STATUSES.map(factStatusToMeasurementPhase)).toHaveLength(4);
  });
});
