import { z } from 'zod';

// `GET /api/v2/summary.json` of a Statuspage page, as this connector reads it: only the fields
// it uses, unknown fields allowed, so additions on Statuspage's side break nothing.

/** One component of the page (a group is a component too, with `group: true`). */
const componentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `operational`, `degraded_performance`, `partial_outage`, `major_outage`, `under_maintenance`. */
  status: z.string().min(1),
  group: z.boolean().nullish(),
});

/** The part of the summary the connector reads: the components and their status. */
export const summarySchema = z.object({
  page: z.object({ id: z.string(), name: z.string(), url: z.string().nullish() }),
  components: z.array(componentSchema),
});

/** A component as read from the summary. */
export type StatuspageComponent = z.output<typeof componentSchema>;
