import { defineConformanceOptions } from '@evidencekit/testing';
import { createTrivy } from '../src/index';
import { IMAGE_DIGEST, imageReport } from './fixtures/trivy-reports';

/** The report the suite collects, as written to `reportPath` before the run. */
export const conformanceReport = imageReport;

/**
 * The shared conformance suite's configuration for this connector (also used by the bench's
 * fault matrix). The connector reads a local report and sends no HTTP request, so it declares
 * `transport: 'none'`: the kit skips HTTP-only checks and verifies that nothing was sent.
 */
export function trivyConformanceOptions(reportPath: string) {
  return defineConformanceOptions({
    name: 'trivy',
    createConnector: createTrivy,
    // No credential to put the canary in; the suite still scans every output for it.
    settings: () => ({ reportPath, ignoreIds: ['CVE-1999-0001'] }),
    target: {
      scope: {
        workspaceId: 'workspace-acme',
        service: 'api',
        environment: 'production',
        release: { artifactDigest: IMAGE_DIGEST },
      },
      selector: { reportPath },
    },
    baseUrl: 'https://trivy.invalid',
    routes: {},
    primaryRoutes: [],
    transport: 'none',
    // The report is no route, so the suite cannot see its time: declare when it is fresh
    // (the report's `CreatedAt` is 2026-05-03T09:12:45Z).
    clock: { now: '2026-05-03T09:30:00Z' },
    expectations: {
      facts: {
        critical_vulnerabilities: 'failed',
        medium_vulnerabilities: 'passed',
        artifact_digest_match: 'passed',
      },
    },
  });
}
