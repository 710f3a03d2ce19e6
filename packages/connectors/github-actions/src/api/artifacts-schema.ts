import { z } from 'zod';
import { FULL_COMMIT_SHA, FULL_COMMIT_SHA_EXPECTED } from '../match-commit';

/**
 * One artifact of a workflow run (`GET …/actions/runs/{run_id}/artifacts`). `digest` is
 * `sha256:<hex>` for artifacts uploaded with upload-artifact v4 or newer, and null (or absent
 * on older GitHub Enterprise Server versions) otherwise. `workflow_run` names the run that
 * uploaded it (GitHub documents it as nullable); its `head_sha` must be a full SHA.
 */
export const artifactSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  digest: z.string().nullish(),
  expired: z.boolean().nullish(),
  workflow_run: z
    .object({
      id: z.number().int().nullish(),
      head_sha: z.string().regex(FULL_COMMIT_SHA, FULL_COMMIT_SHA_EXPECTED).nullish(),
    })
    .nullish(),
});

/** An artifact the connector read. */
export type Artifact = z.output<typeof artifactSchema>;

/** One page of artifacts (`{ total_count, artifacts }`). */
export const artifactsPageSchema = z.object({
  artifacts: z.array(artifactSchema),
});
