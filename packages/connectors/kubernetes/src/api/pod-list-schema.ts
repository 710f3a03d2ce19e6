import { z } from 'zod';
import { listMetadataSchema } from './list-metadata-schema';
import { ownerReferencesSchema } from './owner-reference-schema';

const containerStatusSchema = z.object({
  name: z.string(),
  ready: z.boolean().nullish(),
  restartCount: z.number().int().nonnegative(),
  image: z.string().nullish(),
  imageID: z.string().nullish(),
  state: z.object({ waiting: z.object({ reason: z.string().nullish() }).nullish() }).nullish(),
  lastState: z
    .object({ terminated: z.object({ reason: z.string().nullish() }).nullish() })
    .nullish(),
});

const podSchema = z.object({
  metadata: z.object({
    name: z.string(),
    ownerReferences: ownerReferencesSchema,
    deletionTimestamp: z.string().nullish(),
  }),
  status: z
    .object({
      phase: z.string().nullish(),
      containerStatuses: z.array(containerStatusSchema).nullish(),
      initContainerStatuses: z.array(containerStatusSchema).nullish(),
    })
    .nullish(),
});

/** One chunk of `GET /api/v1/namespaces/{ns}/pods`. */
export const podListSchema = z.object({
  metadata: listMetadataSchema,
  items: z.array(podSchema),
});

/** A Pod as the connector sees it. */
export type Pod = z.infer<typeof podSchema>;
/** One container status of a Pod. */
export type ContainerStatus = z.infer<typeof containerStatusSchema>;
/** One chunk of a Pod list. */
export type PodList = z.infer<typeof podListSchema>;
