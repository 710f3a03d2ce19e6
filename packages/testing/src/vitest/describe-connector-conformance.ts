import type { AnyConnectorV1 } from '@evidencekit/core';
import { describe, expect, it } from 'vitest';
import {
  checkConnectorConformance,
  safeConnectorId,
} from '../conformance/check-connector-conformance';
import type { ConnectorConformanceOptions } from '../conformance/conformance-options';

/**
 * Declares the connector conformance suite as vitest tests, one per check, named by the check
 * (`transport:through-runtime`, `fault:timeout GET /status`, …): a failed check fails its own
 * test with the check's message, and a check that cannot run is in vitest's skipped list with
 * the reason as its note. The checks run once, while vitest collects the file; the suite
 * cancels any run that hangs (`CONFORMANCE_RUNTIME.runGuardMs`), so collection always ends.
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
  const generic = options as unknown as ConnectorConformanceOptions;
  describe(`connector conformance: ${options.name ?? safeConnectorId(generic)}`, async () => {
    const report = await checkConnectorConformance(generic);
    for (const check of report.checks) {
      it(check.name, (context) => {
        if (check.status === 'skipped') context.skip(check.message);
        if (check.status === 'failed') expect.fail(`${check.name}: ${check.message}`);
      });
    }
  });
}
