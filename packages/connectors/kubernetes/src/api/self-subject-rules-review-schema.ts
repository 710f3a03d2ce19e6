import { z } from 'zod';

/** The answer of `POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews`. */
export const selfSubjectRulesReviewSchema = z.object({
  status: z.object({
    resourceRules: z
      .array(
        z.object({
          verbs: z.array(z.string()),
          apiGroups: z.array(z.string()).nullish(),
          resources: z.array(z.string()).nullish(),
          resourceNames: z.array(z.string()).nullish(),
        }),
      )
      .nullish(),
    incomplete: z.boolean().nullish(),
    evaluationError: z.string().nullish(),
  }),
});

/** A rules review as the connector sees it. */
export type SelfSubjectRulesReview = z.infer<typeof selfSubjectRulesReviewSchema>;
/** One resource rule of a rules review. */
export type ResourceRule = NonNullable<SelfSubjectRulesReview['status']['resourceRules']>[number];
