import { z } from 'zod';

/** The answer of `/api/v1/status/buildinfo`: only the version fields the check reports. */
export const buildInfoSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: z.object({ version: z.string().nullish(), revision: z.string().nullish() }).nullish(),
  }),
  z.object({
    status: z.literal('error'),
    errorType: z.string().nullish(),
    error: z.string().nullish(),
  }),
]);
