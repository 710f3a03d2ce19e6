import { z } from 'zod';

/**
 * `GET /rate_limit`, read by the connection check. Only `rate` is read; the request itself
 * does not count against the primary rate limit.
 */
export const rateLimitSchema = z.object({
  rate: z.object({
    limit: z.number(),
    remaining: z.number(),
  }),
});
