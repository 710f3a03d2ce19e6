import { z } from 'zod';

// `GET /api/v2/incidents/unresolved.json`: the incidents not yet resolved (investigating,
// identified, monitoring). Only the fields the connector reads; unknown fields allowed.

const incidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  /** `none`, `minor`, `major`, `critical` (or `maintenance`). */
  impact: z.string().nullish(),
  shortlink: z.string().nullish(),
  /** The components the incident affects; absent or empty for a page-wide incident. */
  components: z.array(z.object({ id: z.string(), name: z.string() })).nullish(),
});

/** The unresolved incidents of a page. */
export const unresolvedIncidentsSchema = z.object({
  incidents: z.array(incidentSchema),
});

/** An unresolved incident as read from the page. */
export type StatuspageIncident = z.output<typeof incidentSchema>;
