import { z } from 'zod';

/**
 * The zod schema of a Statuspage target's selector: which component stands for the target's
 * service. It is strict, so a misspelled field is refused instead of silently ignored.
 */
export const statuspageSelectorSchema = z
  .strictObject({
    component: z
      .string()
      .min(1)
      .describe('The component that stands for the service, by name or id, e.g. "Checkout API".'),
  })
  .describe('Which component of the status page a target reads.');

/** A Statuspage target's selector, as a host writes it. */
export type StatuspageSelector = z.input<typeof statuspageSelectorSchema>;

/** The selector after validation. */
export type ParsedStatuspageSelector = z.output<typeof statuspageSelectorSchema>;
