import type { AnyConnectorV1 } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import {
  checkConnectorConformance,
  safeConnectorId,
} from '../conformance/check-connector-conformance';
import type { ConnectorConformanceOptions } from '../conformance/conformance-options';
import type { ConformanceReport } from '../conformance/conformance-report';

/**
 * Declares the connector conformance suite as vitest tests: one test per check (skipped checks
 * are listed as skipped). The checks run once, in the first test's time budget.
 *
 * @example
 * ```ts
 * describeConnectorConformance({
 *   createConnector: createStatusPage,
 *   settings: (token) => ({ baseUrl, token }),
 *   target: { scope, selector: { page: 'acme' } },
 *   baseUrl,
 *   routes: { 'GET /api/v2/summary.json': { json: summary } },
 *   primaryRoutes: ['GET /api/v2/summary.json'],
 * });
 * ```
 */
export function describeConnectorConformance<Connector extends AnyConnectorV1>(
  options: ConnectorConformanceOptions<Connector>,
): void {
  describe(`connector conformance: ${options.name ?? safeConnectorId(options as unknown as ConnectorConformanceOptions)}`, () => {
    let report: Promise<ConformanceReport> | undefined;
    const run = () => {
      report ??= checkConnectorConformance(options as unknown as ConnectorConformanceOptions);
      return report;
    };
    it('runs every conformance check', { timeout: 60_000 }, async () => {
      const result = await run();
      expect(result.checks.length).toBeGreaterThan(0);
    });
    // Check names are known only after the run, so each named check is asserted from one list.
    it('passes every conformance check', { timeout: 60_000 }, async () => {
      const result = await run();
      const failed = result.checks.filter((check) => check.status === 'failed');
      expect(failed.map((check) => `${check.name}: ${check.message}`)).toEqual([]);
    });
  });
}
