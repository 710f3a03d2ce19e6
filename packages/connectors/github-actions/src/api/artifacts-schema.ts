import { z } from 'zod';

/**
 * One artifact of a workflow run (`GET …/actions/runs/{run_id}/artifacts`). `digest` is
 * `sha256:<hex>` for artifacts uploaded with upload-artifact v4 or newer, and null (or absent
 * on older GitHub Enterprise Server versions) otherwise.
 */
export const artifactSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  digest: z.string().nullish(),
  expired: z.boolean().nullish(),
});

/** An artifact the connector read. */
export type Artifact = z.output<typeof artifactSchema>;

/** One page of artifacts (`{ total_count, artifacts }`). */
export const artifactsPageSchema = z.object({
  artifacts: z.array(artifactSchema),
});
