import type { TrivyReport, TrivyResult } from './api/trivy-report-schema';
import { TRIVY_SEVERITIES, type TrivySeverity } from './trivy-facts';

/** One vulnerability, counted once however many results list it. */
export interface DistinctVulnerability {
  id: string;
  packageName: string;
  installedVersion: string;
  /** Empty when no fixed version is known. */
  fixedVersion: string;
  severity: TrivySeverity;
}

/** What a report says about vulnerabilities, after duplicates are merged and ignores applied. */
export interface VulnerabilitySummary {
  /** Results that were scanned for vulnerabilities (package targets). */
  scannedTargets: number;
  /** Counted vulnerabilities by severity, worst first. */
  bySeverity: Record<TrivySeverity, DistinctVulnerability[]>;
  /** Counted vulnerabilities with a fixed version. */
  fixable: number;
  /** Entries that repeated one already counted (same ID, package and installed version). */
  duplicatesMerged: number;
  /** Distinct vulnerabilities left out by `ignoreIds`, and the IDs that matched. */
  ignoredById: { count: number; ids: string[] };
  /** Distinct vulnerabilities left out by `ignoreUnfixed`. */
  ignoredUnfixed: number;
}

/** Which vulnerabilities to leave out of the counts. */
export interface IgnoreSettings {
  ignoreUnfixed: boolean;
  ignoreIds: readonly string[];
}

// Results of these classes are package targets; `config`, `secret` and `license` results say
// nothing about vulnerabilities. Reports from Trivy versions without `Class` only had these.
const packageClasses = new Set(['os-pkgs', 'lang-pkgs']);

/**
 * Counts the distinct vulnerabilities of a report.
 *
 * The same vulnerability in the same package version can appear in several results (an
 * image's OS packages and a copied lock file, two layers of one jar): it is one thing to fix,
 * so it counts once, with the worst severity and any fixed version its entries give.
 * Ignores apply after merging, so the reported numbers of ignored entries are distinct too.
 */
export function summarizeVulnerabilities(
  report: TrivyReport,
  ignore: IgnoreSettings,
): VulnerabilitySummary {
  const results = report.Results ?? [];
  const distinct = new Map<string, DistinctVulnerability>();
  let duplicatesMerged = 0;
  for (const result of results) {
    for (const vulnerability of result.Vulnerabilities ?? []) {
      const entry: DistinctVulnerability = {
        id: vulnerability.VulnerabilityID,
        packageName: vulnerability.PkgName ?? '',
        installedVersion: vulnerability.InstalledVersion ?? '',
        fixedVersion: vulnerability.FixedVersion?.trim() ?? '',
        severity: vulnerability.Severity,
      };
      const key = `${entry.id}\u0000${entry.packageName}\u0000${entry.installedVersion}`;
      const seen = distinct.get(key);
      if (seen === undefined) {
        distinct.set(key, entry);
        continue;
      }
      duplicatesMerged += 1;
      distinct.set(key, {
        ...seen,
        severity: worse(seen.severity, entry.severity),
        fixedVersion: seen.fixedVersion === '' ? entry.fixedVersion : seen.fixedVersion,
      });
    }
  }

  const ignoredIds = new Set(ignore.ignoreIds.map((id) => id.toUpperCase()));
  const matchedIds = new Set<string>();
  let ignoredById = 0;
  let ignoredUnfixed = 0;
  const bySeverity = Object.fromEntries(
    TRIVY_SEVERITIES.map((severity) => [severity, [] as DistinctVulnerability[]]),
  ) as Record<TrivySeverity, DistinctVulnerability[]>;
  let fixable = 0;
  for (const vulnerability of distinct.values()) {
    if (ignoredIds.has(vulnerability.id.toUpperCase())) {
      ignoredById += 1;
      matchedIds.add(vulnerability.id);
      continue;
    }
    if (ignore.ignoreUnfixed && vulnerability.fixedVersion === '') {
      ignoredUnfixed += 1;
      continue;
    }
    bySeverity[vulnerability.severity].push(vulnerability);
    if (vulnerability.fixedVersion !== '') fixable += 1;
  }
  return {
    scannedTargets: results.filter(isVulnerabilityTarget).length,
    bySeverity,
    fixable,
    duplicatesMerged,
    ignoredById: { count: ignoredById, ids: [...matchedIds].sort() },
    ignoredUnfixed,
  };
}

function isVulnerabilityTarget(result: TrivyResult): boolean {
  if (result.Vulnerabilities != null) return true;
  return result.Class == null || packageClasses.has(result.Class);
}

function worse(left: TrivySeverity, right: TrivySeverity): TrivySeverity {
  return TRIVY_SEVERITIES.indexOf(left) <= TRIVY_SEVERITIES.indexOf(right) ? left : right;
}
