import { z } from 'zod';

/** One `metadata.ownerReferences` entry: which object controls this one. */
export const ownerReferenceSchema = z.object({
  kind: z.string(),
  name: z.string(),
  uid: z.string(),
  controller: z.boolean().nullish(),
});

/** The owner references of an object (absent when it has none). */
export const ownerReferencesSchema = z.array(ownerReferenceSchema).nullish();
