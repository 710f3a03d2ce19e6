import { z } from 'zod';

// `GET /api/v2/status.json`: the page and its overall indicator. Used by the connection check
// only, because it is the smallest document the API serves.

/** The page status document. */
export const pageStatusSchema = z.object({
  page: z.object({ id: z.string(), name: z.string() }),
  status: z.object({ indicator: z.string(), description: z.string().nullish() }),
});
