import { z } from 'zod';

/** A `meta/v1` `Status` error body: `{ kind: "Status", reason, message, code }`. */
export const kubernetesStatusSchema = z.object({
  kind: z.literal('Status'),
  message: z.string().nullish(),
  reason: z.string().nullish(),
  code: z.number().int().nullish(),
});
