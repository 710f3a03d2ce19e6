import type { FactDefinitionV1 } from '@evidencekit/core/connector';

/** The severities Trivy assigns, worst first. */
export const TRIVY_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;

/** One Trivy severity. */
export type TrivySeverity = (typeof TRIVY_SEVERITIES)[number];

/** The fact each severity count is reported as. */
export const SEVERITY_FACTS = {
  CRITICAL: 'critical_vulnerabilities',
  HIGH: 'high_vulnerabilities',
  MEDIUM: 'medium_vulnerabilities',
  LOW: 'low_vulnerabilities',
  UNKNOWN: 'unknown_severity_vulnerabilities',
} as const satisfies Record<TrivySeverity, string>;

/** The name of a fact the Trivy connector reports. */
export type TrivyFactName =
  | (typeof SEVERITY_FACTS)[TrivySeverity]
  | 'fixable_vulnerabilities'
  | 'artifact_digest_match';

/** The word `artifact_digest_match` takes when the report is about the released artifact. */
export const DIGEST_MATCHES = 'match';
/** The word `artifact_digest_match` takes when the report is about another artifact. */
export const DIGEST_DIFFERS = 'mismatch';

// Counts by severity have no `whenEmpty` rule on purpose: a report that scanned no package
// targets proves nothing, so it stays `unavailable: no_data` rather than passing with 0.
// Medium, low and unknown counts and the fixable count are recorded with `>= 0` (always met):
// they are visible in the evidence, and a gate policy or target threshold can make them strict.

/** The Trivy connector's fact catalog. */
export const TRIVY_FACTS = [
  {
    name: 'critical_vulnerabilities',
    description:
      'Distinct CRITICAL vulnerabilities in the Trivy report, after the ignore settings.',
    unit: 'count',
    defaultThreshold: '== 0',
    defaultAction:
      'Upgrade the affected packages to their fixed versions (see the listed IDs) and rebuild the image before releasing.',
  },
  {
    name: 'high_vulnerabilities',
    description: 'Distinct HIGH vulnerabilities in the Trivy report, after the ignore settings.',
    unit: 'count',
    defaultThreshold: '== 0',
    defaultAction:
      'Upgrade the affected packages and rebuild, or record an accepted risk in ignoreIds with a reason in your review.',
  },
  {
    name: 'medium_vulnerabilities',
    description:
      'Distinct MEDIUM vulnerabilities in the Trivy report (recorded; not judged by default).',
    unit: 'count',
    defaultThreshold: '>= 0',
    defaultAction: 'Plan upgrades for the affected packages.',
  },
  {
    name: 'low_vulnerabilities',
    description:
      'Distinct LOW vulnerabilities in the Trivy report (recorded; not judged by default).',
    unit: 'count',
    defaultThreshold: '>= 0',
    defaultAction: 'Review the affected packages during routine maintenance.',
  },
  {
    name: 'unknown_severity_vulnerabilities',
    description:
      'Distinct vulnerabilities Trivy could not rate (severity UNKNOWN; recorded; not judged by default).',
    unit: 'count',
    defaultThreshold: '>= 0',
    defaultAction: 'Check the vulnerability databases for a rating of the listed IDs.',
  },
  {
    name: 'fixable_vulnerabilities',
    description:
      'Distinct vulnerabilities of any severity with a fixed version available (recorded; not judged by default).',
    unit: 'count',
    defaultThreshold: '>= 0',
    defaultAction:
      'Upgrade the packages that have a fixed version; these are the cheapest to remove.',
  },
  {
    name: 'artifact_digest_match',
    description:
      "Whether the report's image digest equals the release's artifact digest (checked only when the scope gives one).",
    unit: 'word',
    defaultThreshold: `== ${DIGEST_MATCHES}`,
    defaultAction:
      'Scan the exact artifact being released (trivy image <name>@<digest>) and upload that report.',
  },
] as const satisfies readonly FactDefinitionV1<TrivyFactName>[];
