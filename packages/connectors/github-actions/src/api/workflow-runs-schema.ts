import { z } from 'zod';
import { FULL_COMMIT_SHA, FULL_COMMIT_SHA_EXPECTED } from '../match-commit';

/**
 * One workflow run, as `GET /repos/{owner}/{repo}/actions/runs` lists it: only the fields the
 * connector reads. Unknown fields are dropped; the ones GitHub documents as nullable are
 * `.nullish()`. `head_sha` must be a full SHA: a run whose commit cannot be told is not evidence
 * about any commit.
 */
export const workflowRunSchema = z.object({
  id: z.number().int(),
  name: z.string().nullish(),
  head_sha: z.string().regex(FULL_COMMIT_SHA, FULL_COMMIT_SHA_EXPECTED),
  run_attempt: z.number().int().nullish(),
  run_number: z.number().int().nullish(),
  event: z.string().nullish(),
  status: z.string().nullish(),
  conclusion: z.string().nullish(),
  workflow_id: z.number().int(),
  path: z.string().nullish(),
  html_url: z.string(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  run_started_at: z.string().nullish(),
});

/** A workflow run the connector read. */
export type WorkflowRun = z.output<typeof workflowRunSchema>;

/** One page of workflow runs (`{ total_count, workflow_runs }`). */
export const workflowRunsPageSchema = z.object({
  workflow_runs: z.array(workflowRunSchema),
});
