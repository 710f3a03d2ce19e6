import { z } from 'zod';

/** Validates the Trivy-specific part of a target: which report file to read. */
export const trivySelectorSchema = z
  .strictObject({
    reportPath: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Path of the Trivy JSON report for this target; defaults to the settings' reportPath.",
      ),
  })
  .describe('Which Trivy report a target reads.');

/** The Trivy-specific part of a target, as a host writes it. */
export type TrivySelector = z.input<typeof trivySelectorSchema>;

/** The Trivy-specific part of a target after validation, as `doCollect` receives it. */
export type ParsedTrivySelector = z.output<typeof trivySelectorSchema>;

/** @deprecated Renamed to {@link ParsedTrivySelector}; this alias goes in the next minor. */
export type TrivySelectorConfig = ParsedTrivySelector;
