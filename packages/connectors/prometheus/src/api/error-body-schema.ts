import { z } from 'zod';

/** The JSON error body Prometheus sends with 400, 422 and 503 (and other error statuses). */
export const errorBodySchema = z.object({
  status: z.literal('error'),
  errorType: z.string().nullish(),
  error: z.string().nullish(),
});
