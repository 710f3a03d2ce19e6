import type { CheckOptionsV1, CheckResultV1 } from '@evidencekit/core/connector';
import { parseTrivyReport } from './parse-trivy-report';
import { readReportFile } from './read-report-file';
import type { TrivyConfig } from './trivy-settings';

/**
 * Checks the Trivy settings. There is no credential and no provider to reach: when a default
 * `reportPath` is set, the check reads and parses it; otherwise it reports that reports come
 * per target or by upload.
 */
export async function checkTrivyReport(
  options: CheckOptionsV1<TrivyConfig>,
): Promise<CheckResultV1> {
  const { config, signal } = options;
  if (config.reportPath === undefined) {
    return {
      ok: true,
      findings: [
        {
          status: 'ok',
          code: 'no_default_report',
          message:
            'no default reportPath is set; targets name their report file, or reports are uploaded with ingestEvidence (no credential is needed)',
        },
      ],
    };
  }
  const file = await readReportFile(config.reportPath, {
    maxReportBytes: config.maxReportBytes,
    signal,
  });
  if (!file.ok) {
    return {
      ok: false,
      findings: [{ status: 'error', code: file.problem.reason, message: file.problem.message }],
    };
  }
  const parsed = parseTrivyReport(file.text, {
    maxReportBytes: config.maxReportBytes,
    label: `the Trivy report at "${config.reportPath}"`,
  });
  if (!parsed.ok) {
    return {
      ok: false,
      findings: [{ status: 'error', code: parsed.problem.reason, message: parsed.problem.message }],
    };
  }
  const { report } = parsed;
  const created = report.CreatedAt ? `, created ${report.CreatedAt}` : '';
  return {
    ok: true,
    findings: [
      {
        status: 'ok',
        code: 'report_readable',
        message: `the Trivy report at "${config.reportPath}" parses (SchemaVersion ${report.SchemaVersion}, ${report.Results?.length ?? 0} result(s)${created})`,
      },
    ],
  };
}
