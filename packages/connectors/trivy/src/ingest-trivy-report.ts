import type {
  CollectResultV1,
  EvidenceScope,
  EvidenceWarning,
  FactObservationV1,
  FactSource,
  JsonValue,
} from '@evidencekit/core/connector';
import type { TrivyReport } from './api/trivy-report-schema';
import { compareArtifactDigest, type DigestComparison } from './compare-artifact-digest';
import { parseTrivyReport } from './parse-trivy-report';
import {
  type DistinctVulnerability,
  summarizeVulnerabilities,
  type VulnerabilitySummary,
} from './summarize-vulnerabilities';
import {
  DIGEST_DIFFERS,
  DIGEST_MATCHES,
  SEVERITY_FACTS,
  TRIVY_SEVERITIES,
  type TrivyFactName,
} from './trivy-facts';
import type { TrivyConfig } from './trivy-settings';
import { unavailableObservations } from './unavailable-observations';

// Enough IDs to start fixing from; the rest are in the report itself.
const maxListedVulnerabilities = 5;

/** What `ingestTrivyReport` needs besides the report. */
export interface IngestTrivyReportOptions {
  config: TrivyConfig;
  scope: EvidenceScope;
  /** What the report is, for messages, e.g. `the uploaded Trivy report`. */
  label: string;
  /** Size of the text core parsed the report from, checked against `maxReportBytes`. */
  payloadBytes?: number;
  /** Where the report came from, attached to every fact. */
  source?: FactSource;
  /** The data time to use when the report has no `CreatedAt` (e.g. the file's modification time). */
  fallbackObservedAt?: { at: Date; what: string };
  /** Extra provider metadata, e.g. the report path. */
  metadata?: Record<string, JsonValue>;
}

/**
 * Turns a Trivy JSON report (text or parsed) into observations: distinct vulnerability counts
 * by severity, the fixable count, and whether the report is about the released artifact.
 * A report that cannot be read makes every fact `unavailable` with a message naming the problem.
 */
export function ingestTrivyReport(
  payload: unknown,
  options: IngestTrivyReportOptions,
): CollectResultV1<TrivyFactName> {
  const parsed = parseTrivyReport(payload, {
    maxReportBytes: options.config.maxReportBytes,
    label: options.label,
    ...(options.payloadBytes === undefined ? {} : { payloadBytes: options.payloadBytes }),
  });
  if (!parsed.ok) {
    return {
      facts: unavailableObservations(parsed.problem, options.source),
      ...(options.metadata === undefined ? {} : { providerMetadata: options.metadata }),
    };
  }
  const { report } = parsed;
  const summary = summarizeVulnerabilities(report, options.config);
  const digest = compareArtifactDigest(report, options.scope.release?.artifactDigest);
  const withSource = <Observation extends FactObservationV1<TrivyFactName>>(
    observation: Observation,
  ): Observation =>
    options.source === undefined ? observation : { ...observation, source: options.source };

  const facts: FactObservationV1<TrivyFactName>[] = [
    ...countObservations(summary, options.label),
    ...digestObservations(digest),
  ].map(withSource);
  const warnings = [
    ...ignoreWarnings(summary),
    ...digestWarnings(digest),
    ...timeWarnings(report, options),
  ];
  const observedAt = report.CreatedAt ? new Date(report.CreatedAt) : options.fallbackObservedAt?.at;
  return {
    ...(observedAt === undefined ? {} : { observedAt }),
    facts,
    ...(warnings.length === 0 ? {} : { warnings }),
    providerMetadata: {
      ...options.metadata,
      ...reportMetadata(report, summary),
    },
  };
}

function countObservations(
  summary: VulnerabilitySummary,
  label: string,
): FactObservationV1<TrivyFactName>[] {
  const names: TrivyFactName[] = [
    ...TRIVY_SEVERITIES.map((severity) => SEVERITY_FACTS[severity]),
    'fixable_vulnerabilities',
  ];
  if (summary.scannedTargets === 0) {
    // No package target was scanned (an undetected OS, only misconfiguration or secret
    // scanning, an empty directory): zero findings here would be a false pass.
    const detail = `${label} lists no scanned package targets, so it says nothing about vulnerabilities`;
    return names.map((name) => ({ name, kind: 'empty', detail }));
  }
  const fixable: FactObservationV1<TrivyFactName> = {
    name: 'fixable_vulnerabilities',
    kind: 'measured',
    value: summary.fixable,
    unit: 'count',
  };
  return [
    ...TRIVY_SEVERITIES.map((severity): FactObservationV1<TrivyFactName> => {
      const found = summary.bySeverity[severity];
      return {
        name: SEVERITY_FACTS[severity],
        kind: 'measured',
        value: found.length,
        unit: 'count',
        ...(found.length === 0 ? {} : { detail: listVulnerabilities(found) }),
      };
    }),
    fixable,
  ];
}

function digestObservations(digest: DigestComparison): FactObservationV1<TrivyFactName>[] {
  switch (digest.outcome) {
    case 'not_requested':
      // Without a release digest there is nothing to compare; a gate that requires the fact
      // sees it missing (unavailable: no_data), and a warning says why.
      return [];
    case 'missing':
      return [
        {
          name: 'artifact_digest_match',
          kind: 'unavailable',
          reason: 'no_data',
          message:
            'the report names no image digest (Metadata.RepoDigests and Metadata.ImageID are empty), so it cannot be tied to the released artifact',
        },
      ];
    case 'matches':
      return [{ name: 'artifact_digest_match', kind: 'word', value: DIGEST_MATCHES }];
    case 'differs':
      return [
        {
          name: 'artifact_digest_match',
          kind: 'word',
          value: DIGEST_DIFFERS,
          detail: `the report is about another artifact: it names ${digest.reportDigests.join(', ')}`,
        },
      ];
  }
}

function listVulnerabilities(found: readonly DistinctVulnerability[]): string {
  const listed = found.slice(0, maxListedVulnerabilities).map((vulnerability) => {
    const where = [vulnerability.packageName, vulnerability.installedVersion]
      .filter((part) => part !== '')
      .join(' ');
    const fix =
      vulnerability.fixedVersion === '' ? 'no fix yet' : `fixed in ${vulnerability.fixedVersion}`;
    return `${vulnerability.id}${where === '' ? '' : ` in ${where}`} (${fix})`;
  });
  const more = found.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}

function ignoreWarnings(summary: VulnerabilitySummary): EvidenceWarning[] {
  const warnings: EvidenceWarning[] = [];
  if (summary.ignoredById.count > 0) {
    warnings.push({
      code: 'vulnerabilities_ignored',
      message: `${summary.ignoredById.count} vulnerabilit${summary.ignoredById.count === 1 ? 'y was' : 'ies were'} left out of the counts by ignoreIds: ${summary.ignoredById.ids.join(', ')}`,
    });
  }
  if (summary.ignoredUnfixed > 0) {
    warnings.push({
      code: 'unfixed_vulnerabilities_ignored',
      message: `${summary.ignoredUnfixed} vulnerabilit${summary.ignoredUnfixed === 1 ? 'y' : 'ies'} without a fixed version ${summary.ignoredUnfixed === 1 ? 'was' : 'were'} left out of the counts by ignoreUnfixed`,
    });
  }
  return warnings;
}

function digestWarnings(digest: DigestComparison): EvidenceWarning[] {
  if (digest.outcome !== 'not_requested') return [];
  return [
    {
      code: 'artifact_digest_unchecked',
      message:
        'the scope names no release artifact digest, so nothing shows this report is about the released artifact; set scope.release.artifactDigest',
    },
  ];
}

function timeWarnings(report: TrivyReport, options: IngestTrivyReportOptions): EvidenceWarning[] {
  if (report.CreatedAt) return [];
  return [
    {
      code: 'report_time_unknown',
      message:
        options.fallbackObservedAt === undefined
          ? 'the report has no CreatedAt (older Trivy versions omit it), so its age is the ingestion time'
          : `the report has no CreatedAt (older Trivy versions omit it), so its age is ${options.fallbackObservedAt.what}`,
    },
  ];
}

function reportMetadata(
  report: TrivyReport,
  summary: VulnerabilitySummary,
): Record<string, JsonValue> {
  return {
    schemaVersion: report.SchemaVersion,
    artifactName: report.ArtifactName ?? null,
    artifactType: report.ArtifactType ?? null,
    createdAt: report.CreatedAt ?? null,
    scannedTargets: summary.scannedTargets,
    duplicatesMerged: summary.duplicatesMerged,
    ignoredIds: summary.ignoredById.ids,
    ignoredByIdCount: summary.ignoredById.count,
    ignoredUnfixedCount: summary.ignoredUnfixed,
  };
}
