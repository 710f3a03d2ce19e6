import { z } from 'zod';

/** One job of a workflow run (`GET …/actions/runs/{run_id}/jobs`): only the fields read. */
export const workflowJobSchema = z.object({
  id: z.number().int(),
  run_id: z.number().int(),
  name: z.string(),
  status: z.string(),
  conclusion: z.string().nullish(),
  html_url: z.string().nullish(),
  completed_at: z.string().nullish(),
});

/** A job the connector read. */
export type WorkflowJob = z.output<typeof workflowJobSchema>;

/** One page of jobs (`{ total_count, jobs }`). */
export const workflowJobsPageSchema = z.object({
  jobs: z.array(workflowJobSchema),
});
