import type { z } from 'zod';
import { describeReceived, type TrivyReport, trivyReportSchema } from './api/trivy-report-schema';
import type { ReportProblem } from './report-problem';

/** The one report format version this connector reads. */
export const SUPPORTED_SCHEMA_VERSION = 2;

// Three issues are enough to fix a report; more would bury the first one.
const maxIssuesShown = 3;

/** A report that parsed, or the problem that stopped it. */
export type ParsedTrivyReport =
  | { ok: true; report: TrivyReport }
  | { ok: false; problem: ReportProblem };

/**
 * Parses a Trivy JSON report given as JSON text or as an already-parsed value. Never throws:
 * anything unreadable becomes an `invalid_response` problem whose message names the path, e.g.
 * `Results[2].Vulnerabilities[0].Severity: expected one of CRITICAL, …, received "SEVERE"`.
 *
 * @param label - What the report is, for messages, e.g. `the Trivy report at ./trivy.json`.
 */
export function parseTrivyReport(
  payload: unknown,
  options: {
    maxReportBytes: number;
    label: string;
    /** Size of the text `payload` was parsed from, when it was (ingestEvidence parses JSON text). */
    payloadBytes?: number;
  },
): ParsedTrivyReport {
  const invalid = (message: string): ParsedTrivyReport => ({
    ok: false,
    problem: { reason: 'invalid_response', message: `${options.label} ${message}` },
  });
  let value = payload;
  const bytes =
    options.payloadBytes ??
    (typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : undefined);
  if (bytes !== undefined && bytes > options.maxReportBytes) {
    return invalid(
      `is ${bytes} bytes, more than the ${options.maxReportBytes}-byte limit (maxReportBytes)`,
    );
  }
  if (typeof payload === 'string') {
    try {
      // Some Windows tools write a byte order mark that JSON.parse refuses.
      value = JSON.parse(payload.replace(/^\uFEFF/, ''));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return invalid(`is not JSON (${reason}); produce it with trivy --format json`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(
      `is not a Trivy JSON report: (root): expected an object, received ${describeReceived(value)}`,
    );
  }
  const schemaVersion: unknown = (value as Record<string, unknown>).SchemaVersion;
  if (schemaVersion === undefined) {
    return invalid(
      `is not a Trivy JSON report: SchemaVersion: missing, expected ${SUPPORTED_SCHEMA_VERSION} (SARIF, CycloneDX, SPDX and table output are not supported; use trivy --format json)`,
    );
  }
  if (schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    return invalid(
      `has SchemaVersion ${describeReceived(schemaVersion)}, which this connector does not read: it supports SchemaVersion ${SUPPORTED_SCHEMA_VERSION}, written by current Trivy releases`,
    );
  }
  const parsed = trivyReportSchema.safeParse(value);
  if (!parsed.success) return invalid(`is malformed: ${formatIssues(parsed.error.issues)}`);
  return { ok: true, report: parsed.data };
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues
    .slice(0, maxIssuesShown)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** `['Results', 2, 'Vulnerabilities', 0, 'Severity']` → `Results[2].Vulnerabilities[0].Severity`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(root)' : text;
}
