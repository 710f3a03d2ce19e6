/** The outcome of one named conformance check. */
export interface ConformanceCheckResult {
  /** e.g. `fault:timeout GET /status`, `secrets:no-canary-in-output`. */
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped; a short confirmation when it passed. */
  message: string;
}

/** Every check of a conformance run. */
export interface ConformanceReport {
  connector: string;
  checks: ConformanceCheckResult[];
  /** True when no check failed. */
  passed: boolean;
}

/** The failed checks of a report, one per line, for an assertion message. */
export function formatConformanceFailures(report: ConformanceReport): string {
  return report.checks
    .filter((check) => check.status === 'failed')
    .map((check) => `✗ ${check.name}: ${check.message}`)
    .join('\n');
}
