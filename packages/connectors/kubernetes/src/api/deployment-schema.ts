import { z } from 'zod';
import { labelSelectorSchema } from './label-selector-schema';

/** One entry of `status.conditions` (only the fields the connector reads). */
const deploymentConditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().nullish(),
  message: z.string().nullish(),
  lastUpdateTime: z.string().nullish(),
});

/**
 * The fields of an `apps/v1` Deployment the connector reads. Unknown fields are stripped;
 * fields the API server may omit (zero counts are left out of `status`) are nullish.
 */
export const deploymentSchema = z.object({
  metadata: z.object({
    name: z.string(),
    namespace: z.string().nullish(),
    uid: z.string().nullish(),
    generation: z.number().int().nullish(),
    annotations: z.record(z.string(), z.string()).nullish(),
  }),
  spec: z.object({
    replicas: z.number().int().nullish(),
    paused: z.boolean().nullish(),
    selector: labelSelectorSchema,
    template: z.object({
      spec: z.object({
        containers: z.array(z.object({ name: z.string(), image: z.string().nullish() })).min(1),
      }),
    }),
  }),
  status: z
    .object({
      observedGeneration: z.number().int().nullish(),
      replicas: z.number().int().nullish(),
      updatedReplicas: z.number().int().nullish(),
      readyReplicas: z.number().int().nullish(),
      availableReplicas: z.number().int().nullish(),
      unavailableReplicas: z.number().int().nullish(),
      conditions: z.array(deploymentConditionSchema).nullish(),
    })
    .nullish(),
});

/** A Deployment as the connector sees it. */
export type Deployment = z.infer<typeof deploymentSchema>;
/** One Deployment condition. */
export type DeploymentCondition = z.infer<typeof deploymentConditionSchema>;
