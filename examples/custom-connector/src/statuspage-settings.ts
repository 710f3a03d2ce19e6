import { secretReferenceSchema } from '@evidencekit/core/connector';
import { z } from 'zod';

/** The zod schema of the Statuspage connector's settings. The token is a secret reference. */
export const statuspageSettingsSchema = z
  .strictObject({
    pageUrl: z
      .url({ protocol: /^https?$/ })
      .describe(
        'The status page, where its public API is served under `/api/v2`, e.g. "https://status.example.com".',
      ),
    token: secretReferenceSchema()
      .optional()
      .describe(
        'Sent as `Authorization: Bearer …` for a page behind an authenticating gateway (an internal mirror, a private page proxy). Public pages need none.',
      ),
  })
  .describe('Settings of the Statuspage connector.');

/** The Statuspage connector's settings, as a host writes them. */
export type StatuspageSettings = z.input<typeof statuspageSettingsSchema>;

/** The settings after validation. */
export type StatuspageConfig = z.output<typeof statuspageSettingsSchema>;
