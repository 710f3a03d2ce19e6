import { z } from 'zod';

/** A `metav1.LabelSelector`: `matchLabels` and `matchExpressions`, both optional. */
export const labelSelectorSchema = z.object({
  matchLabels: z.record(z.string(), z.string()).nullish(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string(),
        operator: z.string(),
        values: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});

/** A label selector as the API returns it. */
export type LabelSelector = z.infer<typeof labelSelectorSchema>;
