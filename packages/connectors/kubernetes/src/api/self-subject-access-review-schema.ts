import { z } from 'zod';

/** The answer of `POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews`. */
export const selfSubjectAccessReviewSchema = z.object({
  status: z.object({
    allowed: z.boolean(),
    denied: z.boolean().nullish(),
    reason: z.string().nullish(),
  }),
});
