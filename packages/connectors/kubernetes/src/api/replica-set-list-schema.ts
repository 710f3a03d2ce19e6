import { z } from 'zod';
import { listMetadataSchema } from './list-metadata-schema';
import { ownerReferencesSchema } from './owner-reference-schema';

const replicaSetSchema = z.object({
  metadata: z.object({
    name: z.string(),
    uid: z.string(),
    labels: z.record(z.string(), z.string()).nullish(),
    annotations: z.record(z.string(), z.string()).nullish(),
    ownerReferences: ownerReferencesSchema,
  }),
  // Zero counts are left out of `status`, like a Deployment's.
  status: z
    .object({
      replicas: z.number().int().nullish(),
      availableReplicas: z.number().int().nullish(),
    })
    .nullish(),
});

/** One chunk of `GET /apis/apps/v1/namespaces/{ns}/replicasets`. */
export const replicaSetListSchema = z.object({
  metadata: listMetadataSchema,
  items: z.array(replicaSetSchema),
});

/** A ReplicaSet as the connector sees it. */
export type ReplicaSet = z.infer<typeof replicaSetSchema>;
/** One chunk of a ReplicaSet list. */
export type ReplicaSetList = z.infer<typeof replicaSetListSchema>;
