import { describe, expect, it } from 'vitest';
import {
  checkConnectorConformance,
  FAULT_SCENARIOS,
  formatConformanceFailures,
} from '../src/index';
import { statusPageConformance } from './support/status-page-conformance';

describe('checkConnectorConformance on a well-behaved connector', () => {
  it('passes every check and reports what each fault scenario did', {
    timeout: 60_000,
  }, async () => {
    const report = await checkConnectorConformance(statusPageConformance());
    expect(formatConformanceFailures(report)).toBe('');
    expect(report.passed).toBe(true);

    const ran = report.checks.filter(
      (check) => check.name.startsWith('fault:') && check.status !== 'skipped',
    );
    expect(report.faultOutcomes).toHaveLength(ran.length);
    expect(new Set(report.faultOutcomes.map((outcome) => outcome.scenario))).toEqual(
      new Set(ran.map((check) => check.name.slice('fault:'.length).split(' ')[0])),
    );
    const known = new Set(FAULT_SCENARIOS.map((scenario) => scenario.id));
    for (const outcome of report.faultOutcomes) {
      expect(known.has(outcome.scenario as never)).toBe(true);
      expect(outcome.conforms).toBe(true);
      expect(outcome.thrown).toBeUndefined();
      expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    }
    const unauthorized = report.faultOutcomes.find(
      (outcome) => outcome.scenario === 'unauthorized',
    );
    expect(unauthorized?.status).toBe('unavailable');
    expect(unauthorized?.facts.every((fact) => fact.reason === 'auth')).toBe(true);
  });
});
