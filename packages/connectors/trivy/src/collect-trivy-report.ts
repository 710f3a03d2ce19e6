import { pathToFileURL } from 'node:url';
import type { CollectOptionsV1, CollectResultV1 } from '@evidencekit/core/connector';
import { ingestTrivyReport } from './ingest-trivy-report';
import { readReportFile } from './read-report-file';
import type { TrivyFactName } from './trivy-facts';
import type { ParsedTrivySelector } from './trivy-selector';
import type { TrivyConfig } from './trivy-settings';
import { unavailableObservations } from './unavailable-observations';

/**
 * Collects a target by reading its Trivy report file (the selector's `reportPath`, else the
 * settings'). Local file reading, no network: Trivy runs in CI and writes the file.
 */
export async function collectTrivyReport(
  options: CollectOptionsV1<TrivyConfig, ParsedTrivySelector>,
): Promise<CollectResultV1<TrivyFactName>> {
  const { config, selector, scope, signal } = options;
  const reportPath = selector.reportPath ?? config.reportPath;
  if (reportPath === undefined) {
    return {
      facts: unavailableObservations(
        {
          reason: 'config',
          message:
            'no report to read: set reportPath on the target selector or in the Trivy settings, or upload the report with ingestEvidence',
        },
        undefined,
      ),
    };
  }
  const file = await readReportFile(reportPath, { maxReportBytes: config.maxReportBytes, signal });
  const source = { url: pathToFileURL(file.absolutePath).href };
  const metadata = { reportPath };
  if (!file.ok) {
    return { facts: unavailableObservations(file.problem, source), providerMetadata: metadata };
  }
  return ingestTrivyReport(file.text, {
    config,
    scope,
    label: `the Trivy report at "${reportPath}"`,
    source,
    fallbackObservedAt: { at: file.modifiedAt, what: "the file's modification time" },
    metadata,
  });
}
