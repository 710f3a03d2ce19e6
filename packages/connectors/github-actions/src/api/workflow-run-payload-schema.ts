import { z } from 'zod';
import { FULL_COMMIT_SHA, FULL_COMMIT_SHA_EXPECTED } from '../match-commit';
import { workflowRunSchema } from './workflow-runs-schema';

/**
 * A `workflow_run` webhook delivery (also what `github.event` holds in a workflow triggered by
 * `on: workflow_run`): the run is under `workflow_run`.
 */
export const workflowRunWebhookSchema = z.object({
  action: z.string().nullish(),
  workflow_run: workflowRunSchema,
  repository: z.object({ full_name: z.string() }).nullish(),
});

/**
 * The `github` context of a workflow, as `toJSON(github)` prints it. Run ids and attempts are
 * strings there; `event` is the triggering event's payload.
 */
export const runContextSchema = z.object({
  run_id: z.string().regex(/^\d+$/, 'a run id (digits)'),
  run_attempt: z.string().regex(/^\d+$/, 'an attempt number (digits)').nullish(),
  sha: z.string().regex(FULL_COMMIT_SHA, FULL_COMMIT_SHA_EXPECTED),
  repository: z.string().min(1),
  workflow: z.string().nullish(),
  event_name: z.string().nullish(),
  server_url: z.string().nullish(),
  event: z.unknown().optional(),
});

/** A run context the connector read. */
export type RunContext = z.output<typeof runContextSchema>;
