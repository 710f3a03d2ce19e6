import { describe, expect, it } from 'vitest';
import { checkConnectorConformance, formatConformanceFailures } from '../src/index';
import { statusPageConformance } from './support/status-page-conformance';

describe('checkConnectorConformance on a well-behaved connector', () => {
  it('passes every check', { timeout: 60_000 }, async () => {
    const report = await checkConnectorConformance(statusPageConformance());
    expect(formatConformanceFailures(report)).toBe('');
    expect(report.passed).toBe(true);
  });
});
