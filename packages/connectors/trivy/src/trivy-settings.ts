import { z } from 'zod';

/** The default size cap of a report: 50 MiB, far above a large image's report. */
export const DEFAULT_MAX_REPORT_BYTES = 50 * 1024 * 1024;

/** Validates the Trivy connector's settings. No credential: reports are files or payloads. */
export const trivySettingsSchema = z
  .strictObject({
    reportPath: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Default path of a Trivy JSON report (trivy --format json --output <path>), used when a target names none; relative paths resolve from the working directory.',
      ),
    ignoreUnfixed: z
      .boolean()
      .default(false)
      .describe(
        'Leave out vulnerabilities without a fixed version (empty FixedVersion), like trivy --ignore-unfixed. The record says how many were left out.',
      ),
    ignoreIds: z
      .array(z.string().trim().min(1))
      .default([])
      .describe(
        'Vulnerability IDs to leave out (CVE-…, GHSA-…), like a .trivyignore file. The record says which were left out.',
      ),
    maxReportBytes: z
      .number()
      .int()
      .positive()
      .default(DEFAULT_MAX_REPORT_BYTES)
      .describe('Largest report read, in bytes (default 50 MiB); larger reports are refused.'),
  })
  .describe('Settings of the Trivy connector.');

/** The Trivy connector's settings, as a host writes them. */
export type TrivySettings = z.input<typeof trivySettingsSchema>;

/** The Trivy connector's settings after validation and defaults. */
export type TrivyConfig = z.output<typeof trivySettingsSchema>;
