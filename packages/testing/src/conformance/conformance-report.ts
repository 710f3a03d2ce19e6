/** The outcome of one named conformance check. */
export interface ConformanceCheckResult {
  /** e.g. `fault:timeout GET /status`, `secrets:no-canary-in-output`. */
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped; a short confirmation when it passed. */
  message: string;
}

/** What one fault scenario did to the connector's record: the raw material of a fault matrix. */
export interface FaultScenarioOutcome {
  /** The scenario id, e.g. `timeout`. */
  scenario: string;
  /** The primary route it was applied to. */
  route: string;
  /** What the kit requires, in words, e.g. `unavailable (auth)`. */
  expected: string;
  /** The record's roll-up status; undefined when the run produced no record. */
  status: string | undefined;
  /** Each fact's status and reason code. */
  facts: Array<{ name: string; status: string; reason: string | undefined }>;
  /** Wall time of the run (the virtual clock skips waits, so this is CPU and I/O time). */
  durationMs: number;
  /** What the runtime would have waited (Retry-After, backoff), on the virtual clock. */
  waitedMs: number;
  /** A fault that must make the route's facts unavailable left one of them passed. */
  falsePass: boolean;
  /** The canary secret appeared in this run's record, error or logs. */
  leakedSecret: boolean;
  /** What escaped the engine, redacted, when something did (a conformance failure). */
  thrown: string | undefined;
  /** Whether the scenario's own check passed. */
  conforms: boolean;
}

/** Every check of a conformance run. */
export interface ConformanceReport {
  connector: string;
  checks: ConformanceCheckResult[];
  /** One entry per fault scenario that ran, in run order. */
  faultOutcomes: FaultScenarioOutcome[];
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
